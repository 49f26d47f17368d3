package io.agentd.daemon.bus;

import java.nio.charset.StandardCharsets;

/**
 * The socket's frames, hld's {@code Subscribe} stream: each event is the line
 * {@code {"jsonrpc":"2.0","result":{"event":{...}},"id":null}} (without its newline, which the connection
 * adds), the heartbeat {@code {"jsonrpc":"2.0","result":{"type":"heartbeat","message":"Connection alive"},"id":null}}.
 */
public final class JsonRpcEventCodec implements EventCodec {
    /** The one instance: events cache their line under it. */
    public static final JsonRpcEventCodec INSTANCE = new JsonRpcEventCodec();

    private static final byte[] HEARTBEAT =
            "{\"jsonrpc\":\"2.0\",\"result\":{\"type\":\"heartbeat\",\"message\":\"Connection alive\"},\"id\":null}"
                    .getBytes(StandardCharsets.UTF_8);

    private JsonRpcEventCodec() {
    }

    @Override
    public byte[] encode(PublishedEvent event) {
        return ("{\"jsonrpc\":\"2.0\",\"result\":{\"event\":" + EventJson.object(event) + "},\"id\":null}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] heartbeat() {
        return HEARTBEAT.clone();
    }
}
