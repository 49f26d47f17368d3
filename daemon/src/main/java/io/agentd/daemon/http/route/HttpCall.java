package io.agentd.daemon.http.route;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a route handler sees of a request: path parameters, query parameters (repeatable ones too), headers
 * and the body, read at most once and bounded by the route's limit.
 */
public final class HttpCall {
    private final Request request;
    private final Map<String, String> pathParams;
    private final long maxBodyBytes;
    private final JsonBodies bodies;
    private Fields query;
    private byte[] body;

    HttpCall(Request request, Map<String, String> pathParams, long maxBodyBytes, JsonBodies bodies) {
        this.request = requireNonNull(request, "request is null");
        this.pathParams = Map.copyOf(pathParams);
        this.maxBodyBytes = maxBodyBytes;
        this.bodies = requireNonNull(bodies, "bodies is null");
    }

    public String method() {
        return request.getMethod();
    }

    /** The decoded path, e.g. {@code /api/v1/sessions/abc}. */
    public String path() {
        return Request.getPathInContext(request);
    }

    /** A {@code {name}} segment of the route's template. */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no path parameter '" + name + "'");
        }
        return value;
    }

    /** The first value of a query parameter. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(queryFields().getValue(name));
    }

    /** Every value of a repeatable query parameter ({@code ?eventTypes=a&eventTypes=b}), in order. */
    public List<String> queryAll(String name) {
        List<String> values = queryFields().getValues(name);
        return values == null ? List.of() : List.copyOf(values);
    }

    /** An integer query parameter; 400 HLD-3001 when it is not one. */
    public Optional<Integer> queryInt(String name) {
        return query(name).filter(v -> !v.isBlank()).map(v -> {
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                throw HttpProblem.badRequest("query parameter '" + name + "' must be an integer, got '" + v + "'");
            }
        });
    }

    /** A boolean query parameter ({@code true}/{@code false}); 400 HLD-3001 when it is neither. */
    public Optional<Boolean> queryBoolean(String name) {
        return query(name).filter(v -> !v.isBlank()).map(v -> switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw HttpProblem.badRequest("query parameter '" + name + "' must be true or false, got '" + v + "'");
        });
    }

    public Optional<String> header(String name) {
        HttpField field = request.getHeaders().getField(name);
        return field == null ? Optional.empty() : Optional.of(field.getValue());
    }

    /** The raw body (empty when none); 413 above the route's limit. */
    public byte[] bodyBytes() throws IOException {
        if (body == null) {
            try (InputStream in = Content.Source.asInputStream(request)) {
                byte[] read = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
                if (read.length > maxBodyBytes) {
                    throw HttpProblem.tooLarge(maxBodyBytes);
                }
                body = read;
            }
        }
        return body;
    }

    /** The body bound to a record with the daemon's mapper; 400 HLD-3001 naming the field when it does not bind. */
    public <T> T body(Class<T> type) throws IOException {
        return bodies.bind(bodyBytes(), type);
    }

    private Fields queryFields() {
        if (query == null) {
            try {
                query = Request.extractQueryParameters(request);
            } catch (RuntimeException e) {
                throw HttpProblem.badRequest("malformed query string");
            }
        }
        return query;
    }
}
