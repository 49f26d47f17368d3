package io.agentd.daemon.bus;

import java.nio.charset.StandardCharsets;

/**
 * Server-sent events frames for hld's {@code GET /api/v1/stream/events}: each event is one unnamed message
 * (no {@code event:} line: hld's SDK listens only to {@code onmessage}) whose {@code data:} is the same
 * event object a {@code Subscribe} line carries ({@code type, timestamp, seq, data}), preceded by
 * {@code id: <seq>} so a client that reconnects with {@code Last-Event-ID} resumes after it. The heartbeat
 * is the comment {@code : keepalive}.
 */
public final class SseEventCodec implements EventCodec {
    /** The one instance: events cache their frame under it. */
    public static final SseEventCodec INSTANCE = new SseEventCodec();

    private static final byte[] KEEPALIVE = ": keepalive\n\n".getBytes(StandardCharsets.UTF_8);

    private SseEventCodec() {
    }

    @Override
    public byte[] encode(PublishedEvent event) {
        StringBuilder frame = new StringBuilder(event.dataJson().length() + 128);
        frame.append("id: ").append(event.seq()).append('\n');
        // The daemon's JSON holds no raw line break, but one in a stored payload must not end the message
        // early: each line becomes its own data: line, which the client joins with '\n' again.
        for (String line : EventJson.object(event).split("\r\n|\r|\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        return frame.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] heartbeat() {
        return KEEPALIVE.clone();
    }
}
