package io.agentd.testkit.fakeapi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Writes one {@link Reply} as the HTTP response of an exchange. */
final class ReplyStreamer {
    private static final long HANG_POLL_MILLIS = 20;

    private final SseEncoder encoder;
    private final CountDownLatch serverClosed;

    ReplyStreamer(SseEncoder encoder, CountDownLatch serverClosed) {
        this.encoder = requireNonNull(encoder, "encoder is null");
        this.serverClosed = requireNonNull(serverClosed, "serverClosed is null");
    }

    void send(HttpExchange exchange, Reply reply, String model) throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("request-id", Ids.next("req_"));
        switch (reply) {
            case Reply.Failure failure -> sendFailure(exchange, failure);
            case Reply.Message message -> {
                OutputStream out = startStream(exchange);
                List<SseEvent> events = encoder.encode(message, Ids.next("msg_"), model);
                writeEvents(out, events, message.chunkDelay());
            }
            case Reply.Hang hang -> {
                OutputStream out = startStream(exchange);
                List<SseEvent> events = encoder.encode(hang.message(), Ids.next("msg_"), model);
                int firstDelta = firstDeltaIndex(events);
                if (!writeEvents(out, events.subList(0, firstDelta + 1), Duration.ZERO)) {
                    return;
                }
                if (awaitReleaseOrClose(hang.release())) {
                    writeEvents(out, events.subList(firstDelta + 1, events.size()), hang.message().chunkDelay());
                }
            }
        }
    }

    static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendFailure(HttpExchange exchange, Reply.Failure failure) throws IOException {
        var body = Json.object().put("type", "error");
        body.putObject("error").put("type", failure.errorType()).put("message", failure.message());
        sendJson(exchange, failure.status(), Json.write(body));
    }

    private static OutputStream startStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("content-type", "text/event-stream");
        exchange.getResponseHeaders().set("cache-control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    /** Writes the events, pausing before deltas; false if the server closed meanwhile. */
    private boolean writeEvents(OutputStream out, List<SseEvent> events, Duration chunkDelay)
            throws IOException, InterruptedException {
        for (SseEvent event : events) {
            if (event.delta() && chunkDelay.isPositive()
                    && serverClosed.await(chunkDelay.toNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
            out.write(event.wireFormat().getBytes(UTF_8));
            // each event must reach the client now: partial output is what slow and hang replies test
            out.flush();
        }
        return true;
    }

    /** True when released, false when the server closed first. */
    private boolean awaitReleaseOrClose(CountDownLatch release) throws InterruptedException {
        while (!release.await(HANG_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            if (serverClosed.getCount() == 0) {
                return false;
            }
        }
        return true;
    }

    private static int firstDeltaIndex(List<SseEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).delta()) {
                return i;
            }
        }
        throw new IllegalStateException("a message stream always has a delta");
    }
}
