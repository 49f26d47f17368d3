package io.agentd.daemon.http.routes;

import io.agentd.daemon.health.DebugInfoService;
import io.agentd.daemon.health.HealthService;
import io.agentd.daemon.http.route.HttpReply;
import io.agentd.daemon.http.route.RouteGroup;
import io.agentd.daemon.http.route.RouteTable;

import static java.util.Objects.requireNonNull;

/** {@code GET /health} and {@code GET /debug-info}; neither is enveloped (hld-rest-notes). */
public final class SystemRoutes implements RouteGroup {
    private final HealthService health;
    private final DebugInfoService debugInfo;

    public SystemRoutes(HealthService health, DebugInfoService debugInfo) {
        this.health = requireNonNull(health, "health is null");
        this.debugInfo = requireNonNull(debugInfo, "debugInfo is null");
    }

    @Override
    public void register(RouteTable routes) {
        routes.get("/health", call -> HttpReply.plain(HealthView.of(health.health())));
        routes.get("/debug-info", call -> HttpReply.plain(debugInfo.debugInfo()));
    }
}
