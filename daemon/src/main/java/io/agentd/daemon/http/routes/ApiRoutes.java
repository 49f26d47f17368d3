package io.agentd.daemon.http.routes;

import io.agentd.daemon.http.route.RouteGroup;
import io.agentd.daemon.http.route.RouteTable;

import java.util.List;

/** hld's REST API: every route group under {@code /api/v1}. */
public final class ApiRoutes {
    public static final String BASE_PATH = "/api/v1";

    private ApiRoutes() {
    }

    /** A table of {@code groups}' routes with the default body limit. */
    public static RouteTable table(long defaultMaxBody, List<RouteGroup> groups) {
        RouteTable table = new RouteTable(BASE_PATH, defaultMaxBody);
        groups.forEach(table::add);
        return table;
    }
}
