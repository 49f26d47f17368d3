package io.agentd.daemon.http.route;

import java.io.IOException;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What a route handler answers. hld wraps most answers as {@code {"data": ...}}; some (health, config,
 * debug-info and a few helpers, see the route groups) are sent as they are, so each route says which.
 */
public sealed interface HttpReply {
    /** A JSON body, serialized by the daemon's mapper (snake_case). */
    record Json(int status, Object body, Map<String, String> headers) implements HttpReply {
        public Json {
            requireNonNull(body, "body is null");
            headers = Map.copyOf(headers);
        }
    }

    /** No body, e.g. 204. */
    record Empty(int status, Map<String, String> headers) implements HttpReply {
        public Empty {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * A long-lived response written frame by frame (the event stream). Each {@link HttpStream#send} reaches
     * the socket before it returns; the writer returns (or throws) when the stream ends.
     */
    record Stream(String contentType, StreamWriter writer) implements HttpReply {
        public Stream {
            requireNonNull(contentType, "contentType is null");
            requireNonNull(writer, "writer is null");
        }
    }

    /** Writes a streamed body; an {@link IOException} from {@code send} means the client has gone. */
    @FunctionalInterface
    interface StreamWriter {
        void write(HttpStream stream) throws IOException, InterruptedException;
    }

    /** hld's success envelope. */
    record Data(Object data) {
    }

    /** 200 {@code {"data": value}}. */
    static HttpReply data(Object value) {
        return new Json(200, new Data(value), Map.of());
    }

    /** 201 {@code {"data": value}}. */
    static HttpReply created(Object value) {
        return new Json(201, new Data(value), Map.of());
    }

    /** 200 with {@code body} as it is, no envelope. */
    static HttpReply plain(Object body) {
        return new Json(200, body, Map.of());
    }

    /** {@code status} with {@code body} as it is. */
    static HttpReply plain(int status, Object body) {
        return new Json(status, body, Map.of());
    }

    static HttpReply noContent() {
        return new Empty(204, Map.of());
    }

    /** A {@code text/event-stream} response. */
    static HttpReply eventStream(StreamWriter writer) {
        return new Stream("text/event-stream", writer);
    }
}
