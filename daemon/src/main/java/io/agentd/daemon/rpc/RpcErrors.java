package io.agentd.daemon.rpc;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.error.ErrorKind;
import io.agentd.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * The one place where exceptions become wire errors. Only messages cross the wire, never stack traces;
 * unexpected failures are logged here with theirs.
 */
public final class RpcErrors {
    private static final Logger LOG = LoggerFactory.getLogger(RpcErrors.class);

    private RpcErrors() {
    }

    /**
     * Maps a failure to the error a client sees.
     *
     * <ul>
     *   <li>{@link RpcException}: its own code and message;</li>
     *   <li>{@link AgentdException} of kind {@code INVALID_PARAMS}: -32602; any other kind: -32603, as hld
     *       puts {@code err.Error()} in a -32603 for every handler error;</li>
     *   <li>{@link StoreException}: -32603 whose message starts with what is wrong with the database, e.g.
     *       {@code database is full: ...}, {@code database is read-only: ...};</li>
     *   <li>anything else: -32603 with its message, logged with its stack trace;</li>
     *   <li>what a result threw while Jackson serialized it: as if the handler had thrown it.</li>
     * </ul>
     *
     * @param failure what the handler threw
     * @param context where it happened (connection id and method), for the log
     * @return the wire error
     */
    public static RpcError toRpcError(Throwable failure, String context) {
        return switch (failure) {
            // Jackson wraps what a value nested in a result throws while it is serialized (a page that
            // could not be read): report the original, as if the handler had thrown it.
            case DatabindException e when e.getCause() instanceof RuntimeException cause
                    && !(cause instanceof JacksonException) -> toRpcError(cause, context);
            case RpcException e -> new RpcError(e.code().code(), e.getMessage());
            case AgentdException e when e.kind() == ErrorKind.INVALID_PARAMS ->
                    RpcError.of(RpcErrorCode.INVALID_PARAMS, e.getMessage());
            case AgentdException e -> {
                if (e.kind() == ErrorKind.INTERNAL) {
                    LOG.error("{}: internal error: {}", context, e.getMessage(), e);
                } else {
                    LOG.debug("{}: {} error: {}", context, e.kind(), e.getMessage());
                }
                yield RpcError.of(RpcErrorCode.INTERNAL_ERROR, e.getMessage());
            }
            case StoreException e -> {
                if (e.kind().storeFault()) {
                    LOG.warn("{}: {}", context, e.getMessage());
                } else {
                    LOG.error("{}: store failure", context, e);
                }
                yield RpcError.of(RpcErrorCode.INTERNAL_ERROR, e.kind().summary() + ": " + e.getMessage());
            }
            default -> {
                LOG.error("{}: unexpected failure", context, failure);
                yield RpcError.of(RpcErrorCode.INTERNAL_ERROR, messageOf(failure));
            }
        };
    }

    private static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "Internal error" : message;
    }
}
