package io.agentd.daemon.http.route;

/** Handles a matched request; exceptions are turned into HTTP errors by {@link HttpErrors}. */
@FunctionalInterface
public interface RouteHandler {
    HttpReply handle(HttpCall call) throws Exception;
}
