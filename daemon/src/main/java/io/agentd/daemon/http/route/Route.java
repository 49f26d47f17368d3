package io.agentd.daemon.http.route;

import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;

import static java.util.Objects.requireNonNull;

/**
 * One entry of the route table.
 *
 * @param method upper-case HTTP method
 * @param template the full path with {@code {name}} segments, e.g. {@code /api/v1/sessions/{id}}
 * @param maxBodyBytes the largest body this route accepts (413 above)
 */
public record Route(String method, String template, RouteHandler handler, long maxBodyBytes) {
    public Route {
        requireNonNull(method, "method is null");
        requireNonNull(template, "template is null");
        requireNonNull(handler, "handler is null");
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative");
        }
    }

    /** The same route with another body limit (e.g. a proxy that forwards large requests). */
    public Route withMaxBody(long bytes) {
        return new Route(method, template, handler, bytes);
    }

    UriTemplatePathSpec pathSpec() {
        return new UriTemplatePathSpec(template);
    }
}
