package io.agentd.daemon.http.route;

/** Handles a request whose JSON body was bound to {@code T} (400 HLD-3001 before it runs if it does not bind). */
@FunctionalInterface
public interface BodyHandler<T> {
    HttpReply handle(HttpCall call, T body) throws Exception;
}
