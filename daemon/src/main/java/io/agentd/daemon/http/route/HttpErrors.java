package io.agentd.daemon.http.route;

import io.agentd.daemon.error.AgentdException;
import io.agentd.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import java.util.Map;

/**
 * The one place where exceptions become HTTP errors (status + hld's error envelope). Only messages
 * reach the client, never stack traces; unexpected failures are logged here with theirs.
 *
 * <table>
 *   <caption>domain errors on the wire</caption>
 *   <tr><th>thrown</th><th>status</th><th>code</th></tr>
 *   <tr><td>{@code INVALID_PARAMS} (also a body that does not bind)</td><td>400</td><td>HLD-3001</td></tr>
 *   <tr><td>{@code NOT_FOUND}</td><td>404</td><td>HLD-1002</td></tr>
 *   <tr><td>{@code ALREADY_DECIDED}</td><td>400</td><td>HLD-3002</td></tr>
 *   <tr><td>{@code CONFLICT} (wrong status for the operation)</td><td>400</td><td>HLD-4003</td></tr>
 *   <tr><td>{@code UNAVAILABLE}</td><td>503</td><td>HLD-1001</td></tr>
 *   <tr><td>{@code INTERNAL}, a store failure, anything else</td><td>500</td><td>HLD-1001</td></tr>
 *   <tr><td>{@link HttpProblem}</td><td>its own</td><td>its own</td></tr>
 * </table>
 */
public final class HttpErrors {
    public static final String INTERNAL = "HLD-1001";
    public static final String NOT_FOUND = "HLD-1002";
    public static final String INVALID_REQUEST = "HLD-3001";
    public static final String ALREADY_DECIDED = "HLD-3002";
    public static final String WRONG_STATUS = "HLD-4003";
    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

    private HttpErrors() {
    }

    /**
     * Maps what a handler threw to the reply a client sees.
     *
     * @param context method and path, for the log
     */
    public static HttpReply.Json toReply(Throwable failure, String context) {
        return switch (failure) {
            // Jackson wraps what a value threw while it was serialized: report the original.
            case DatabindException e when e.getCause() instanceof RuntimeException cause
                    && !(cause instanceof JacksonException) -> toReply(cause, context);
            case HttpProblem e -> error(e.status(), e.code(), e.getMessage());
            case AgentdException e -> switch (e.kind()) {
                case INVALID_PARAMS -> error(400, INVALID_REQUEST, e.getMessage());
                case NOT_FOUND -> error(404, NOT_FOUND, e.getMessage());
                case ALREADY_DECIDED -> error(400, ALREADY_DECIDED, e.getMessage());
                case CONFLICT -> error(400, WRONG_STATUS, e.getMessage());
                case UNAVAILABLE -> error(503, INTERNAL, e.getMessage());
                case INTERNAL -> {
                    LOG.error("{}: internal error: {}", context, e.getMessage(), e);
                    yield error(500, INTERNAL, e.getMessage());
                }
            };
            case StoreException e -> {
                if (e.kind().storeFault()) {
                    LOG.warn("{}: {}", context, e.getMessage());
                } else {
                    LOG.error("{}: store failure", context, e);
                }
                yield error(500, INTERNAL, e.kind().summary() + ": " + e.getMessage());
            }
            default -> {
                LOG.error("{}: unexpected failure", context, failure);
                yield error(500, INTERNAL, "internal error");
            }
        };
    }

    /** A reply with hld's error envelope. */
    public static HttpReply.Json error(int status, String code, String message) {
        return new HttpReply.Json(status, ErrorBody.of(code, message), Map.of());
    }
}
