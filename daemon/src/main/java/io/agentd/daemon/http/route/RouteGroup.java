package io.agentd.daemon.http.route;

/** One feature's routes (sessions, approvals, settings, ...), each a thin adapter over a service. */
@FunctionalInterface
public interface RouteGroup {
    void register(RouteTable routes);
}
