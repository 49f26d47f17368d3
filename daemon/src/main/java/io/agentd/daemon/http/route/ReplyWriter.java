package io.agentd.daemon.http.route;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Writes {@link HttpReply.Json} and {@link HttpReply.Empty} replies; completes the callback exactly once. */
public final class ReplyWriter {
    private final JsonMapper mapper;

    public ReplyWriter(JsonMapper mapper) {
        this.mapper = requireNonNull(mapper, "mapper is null");
    }

    /** Serializes the body first, so a value that fails to serialize becomes an error reply, not half a body. */
    public byte[] serialize(HttpReply.Json reply) {
        return mapper.writeValueAsBytes(reply.body());
    }

    public boolean write(Response response, Callback callback, HttpReply.Json reply, byte[] body) {
        response.setStatus(reply.status());
        headers(response, reply.headers());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** Writes an error (or other) reply whose body is known to serialize. */
    public boolean write(Response response, Callback callback, HttpReply.Json reply) {
        return write(response, callback, reply, serialize(reply));
    }

    public boolean write(Response response, Callback callback, HttpReply.Empty reply) {
        response.setStatus(reply.status());
        headers(response, reply.headers());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        response.write(true, null, callback);
        return true;
    }

    private static void headers(Response response, Map<String, String> headers) {
        headers.forEach((name, value) -> response.getHeaders().put(name, value));
    }
}
