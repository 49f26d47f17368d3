package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The methods a server answers. Each method names a params type (usually a record, whose compact
 * constructor may validate by throwing {@code AgentdException.invalidParams}); the RPC layer binds the
 * request's params to it with the daemon mapper before calling the handler.
 */
public final class MethodRegistry {
    /**
     * Handles one request.
     *
     * @param <P> the params type
     */
    @FunctionalInterface
    public interface Handler<P> {
        /**
         * @param params the bound params, never null
         * @param context who sent the request
         * @return the result, serialized by the daemon mapper; null is sent as {@code "result":null}
         */
        Object handle(P params, RequestContext context);
    }

    /**
     * Takes over a connection and streams messages on it until it returns.
     *
     * @param <P> the params type
     */
    @FunctionalInterface
    public interface StreamingHandler<P> {
        /**
         * @param params the bound params, never null
         * @param connection the connection; closed when this returns
         * @throws InterruptedException when the daemon shuts the stream down
         */
        void handle(P params, RpcConnection connection) throws InterruptedException;
    }

    private final ConcurrentMap<String, RegisteredMethod> methods = new ConcurrentHashMap<>();

    /**
     * Registers a request/response method.
     *
     * @throws IllegalArgumentException if the name is already registered
     */
    public <P> void register(String method, Class<P> paramsType, Handler<P> handler) {
        add(new RegisteredMethod.Unary<>(method, paramsType, handler));
    }

    /**
     * Registers a method that takes over its connection (such as {@code Subscribe}). It cannot be called
     * inside a batch.
     *
     * @throws IllegalArgumentException if the name is already registered
     */
    public <P> void registerStreaming(String method, Class<P> paramsType, StreamingHandler<P> handler) {
        add(new RegisteredMethod.Streaming<>(method, paramsType, handler));
    }

    /** The registered method names, sorted. */
    public Set<String> methods() {
        return Set.copyOf(new TreeSet<>(methods.keySet()));
    }

    Optional<RegisteredMethod> find(String method) {
        return Optional.ofNullable(methods.get(method));
    }

    private void add(RegisteredMethod method) {
        requireNonNull(method, "method is null");
        if (methods.putIfAbsent(method.name(), method) != null) {
            throw new IllegalArgumentException("method already registered: " + method.name());
        }
    }
}
