package io.agentd.daemon.http.route;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The Jetty handler that runs the route table. {@code Handler.Abstract} is blocking: Jetty calls it on a
 * virtual thread of its pool, so handlers may block on the store or a process.
 */
public final class Router extends Handler.Abstract {
    private final RouteTable routes;
    private final JsonBodies bodies;
    private final ReplyWriter writer;

    public Router(RouteTable routes, JsonMapper mapper) {
        this.routes = requireNonNull(routes, "routes is null");
        this.bodies = new JsonBodies(mapper);
        this.writer = new ReplyWriter(mapper);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String context = request.getMethod() + " " + path;
        HttpReply reply;
        try {
            reply = switch (routes.match(request.getMethod(), path)) {
                case RouteTable.Match.NotFound ignored -> HttpErrors.error(404, HttpErrors.NOT_FOUND, "no such path: " + path);
                case RouteTable.Match.WrongMethod wrong -> new HttpReply.Json(405,
                        ErrorBody.of(HttpErrors.INVALID_REQUEST, "method " + request.getMethod() + " not allowed on " + path),
                        Map.of(HttpHeader.ALLOW.asString(), String.join(", ", wrong.allowed())));
                case RouteTable.Match.Found found -> run(request, found);
            };
        } catch (Throwable t) {
            reply = HttpErrors.toReply(t, context);
        }
        return switch (reply) {
            case HttpReply.Json json -> writeJson(response, callback, json, context);
            case HttpReply.Empty empty -> writer.write(response, callback, empty);
            case HttpReply.Stream stream -> stream(response, callback, stream);
        };
    }

    private HttpReply run(Request request, RouteTable.Match.Found found) throws Exception {
        long limit = found.route().maxBodyBytes();
        long declared = request.getLength();
        if (declared > limit) {
            throw HttpProblem.tooLarge(limit);
        }
        return found.route().handler().handle(new HttpCall(request, found.pathParams(), limit, bodies));
    }

    private boolean writeJson(Response response, Callback callback, HttpReply.Json json, String context) {
        byte[] body;
        try {
            body = writer.serialize(json);
        } catch (RuntimeException e) {
            HttpReply.Json error = HttpErrors.toReply(e, context);
            return writer.write(response, callback, error);
        }
        return writer.write(response, callback, json, body);
    }

    private static boolean stream(Response response, Callback callback, HttpReply.Stream stream) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, stream.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        // Not buffered: each write is one blocking Response.write, on the socket when it returns.
        OutputStream out = Content.Sink.asOutputStream(response);
        HttpStream sink = new HttpStream() {
            @Override
            public void send(byte[] frame) throws IOException {
                out.write(frame);
                out.flush();
            }

            @Override
            public void idleTimeout(Duration timeout) {
                response.getRequest().getConnectionMetaData().getConnection().getEndPoint()
                        .setIdleTimeout(timeout.toMillis());
            }
        };
        try {
            stream.writer().write(sink);
            out.close();
            callback.succeeded();
        } catch (IOException e) {
            callback.failed(e); // the client has gone: free the handler's thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        } catch (RuntimeException e) {
            callback.failed(e);
        }
        return true;
    }
}
