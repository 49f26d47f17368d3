package io.agentd.daemon.http.route;

import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Method + path template → handler. Route groups register here under the API's base path:
 * <pre>{@code
 * routes.get("/health", call -> HttpReply.plain(health.health()));
 * routes.patch("/config", ConfigUpdate.class, (call, body) -> HttpReply.plain(config.update(body)));
 * }</pre>
 * Matching is exact per template (a template with fewer {@code {name}} segments wins when two fit); a path that matches no template is 404, one that matches only under other
 * methods is 405 with {@code Allow}.
 */
public final class RouteTable {
    private final String basePath;
    private final long defaultMaxBody;
    private final List<Compiled> routes = new ArrayList<>();

    /**
     * @param basePath prefix of every template, e.g. {@code /api/v1}
     * @param defaultMaxBody body limit of routes that set none
     */
    public RouteTable(String basePath, long defaultMaxBody) {
        this.basePath = requireNonNull(basePath, "basePath is null");
        this.defaultMaxBody = defaultMaxBody;
    }

    private record Compiled(Route route, UriTemplatePathSpec spec) {
    }

    /** The outcome of matching a request. */
    public sealed interface Match {
        record Found(Route route, Map<String, String> pathParams) implements Match {
        }

        record WrongMethod(Set<String> allowed) implements Match {
        }

        record NotFound() implements Match {
        }
    }

    public RouteTable get(String path, RouteHandler handler) {
        return add("GET", path, handler);
    }

    public RouteTable delete(String path, RouteHandler handler) {
        return add("DELETE", path, handler);
    }

    public RouteTable post(String path, RouteHandler handler) {
        return add("POST", path, handler);
    }

    public <T> RouteTable post(String path, Class<T> bodyType, BodyHandler<T> handler) {
        return add("POST", path, bound(bodyType, handler));
    }

    public <T> RouteTable patch(String path, Class<T> bodyType, BodyHandler<T> handler) {
        return add("PATCH", path, bound(bodyType, handler));
    }

    public <T> RouteTable put(String path, Class<T> bodyType, BodyHandler<T> handler) {
        return add("PUT", path, bound(bodyType, handler));
    }

    /** Registers {@code group}'s routes. */
    public RouteTable add(RouteGroup group) {
        group.register(this);
        return this;
    }

    /** Registers a route built by hand ({@link Route#withMaxBody}); its template is relative to the base path. */
    public RouteTable add(Route route) {
        String full = basePath + route.template();
        for (Compiled c : routes) {
            if (c.route().method().equals(route.method()) && c.route().template().equals(full)) {
                throw new IllegalArgumentException("route registered twice: " + route.method() + " " + full);
            }
        }
        Route absolute = new Route(route.method(), full, route.handler(), route.maxBodyBytes());
        routes.add(new Compiled(absolute, absolute.pathSpec()));
        return this;
    }

    /** A route with the default body limit, for {@link #add(Route)}. */
    public Route route(String method, String path, RouteHandler handler) {
        return new Route(method, path, handler, defaultMaxBody);
    }

    /** Every registered route (full templates), in registration order. */
    public List<Route> routes() {
        return routes.stream().map(Compiled::route).toList();
    }

    public Match match(String method, String path) {
        Compiled best = null;
        Set<String> allowed = new LinkedHashSet<>();
        for (Compiled c : routes) {
            if (!c.spec().matches(path)) {
                continue;
            }
            if (!c.route().method().equals(method)) {
                allowed.add(c.route().method());
                continue;
            }
            // Fewer variables win: /sessions/search over /sessions/{id}; on a tie, the first registered.
            if (best == null || c.spec().getVariableCount() < best.spec().getVariableCount()) {
                best = c;
            }
        }
        if (best != null) {
            return new Match.Found(best.route(), best.spec().getPathParams(path));
        }
        return allowed.isEmpty() ? new Match.NotFound() : new Match.WrongMethod(allowed);
    }

    private RouteTable add(String method, String path, RouteHandler handler) {
        return add(route(method, path, handler));
    }

    private static <T> RouteHandler bound(Class<T> type, BodyHandler<T> handler) {
        requireNonNull(type, "type is null");
        requireNonNull(handler, "handler is null");
        return call -> handler.handle(call, call.body(type));
    }
}
