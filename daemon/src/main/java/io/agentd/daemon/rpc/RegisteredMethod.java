package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

import tools.jackson.databind.JsonNode;

/** A method as the dispatcher sees it; each variant binds its own params type. */
sealed interface RegisteredMethod {
    String name();

    /** A request/response method. */
    record Unary<P>(String name, Class<P> paramsType, MethodRegistry.Handler<P> handler)
            implements RegisteredMethod {
        public Unary {
            requireNonNull(name, "name is null");
            requireNonNull(paramsType, "paramsType is null");
            requireNonNull(handler, "handler is null");
        }

        Object invoke(ParamsBinder binder, JsonNode params, RequestContext context) {
            return handler.handle(binder.bind(params, paramsType), context);
        }
    }

    /** A method that takes over its connection. */
    record Streaming<P>(String name, Class<P> paramsType, MethodRegistry.StreamingHandler<P> handler)
            implements RegisteredMethod {
        public Streaming {
            requireNonNull(name, "name is null");
            requireNonNull(paramsType, "paramsType is null");
            requireNonNull(handler, "handler is null");
        }

        /** Binds the params now, so a bad request is refused before the connection is taken over. */
        StreamingCall bind(ParamsBinder binder, JsonNode params) {
            P bound = binder.bind(params, paramsType);
            return connection -> handler.handle(bound, connection);
        }
    }

    /** A streaming handler with its params already bound. */
    @FunctionalInterface
    interface StreamingCall {
        void run(RpcConnection connection) throws InterruptedException;
    }
}
