package io.agentd.daemon.bus;

import io.agentd.daemon.json.JsonMappers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One published event: its place in the event log ({@code seq}), what it is and whom it concerns, and its
 * subscription line, encoded once for every subscriber.
 *
 * @param type the wire name (an unknown name read back from the store is kept as is)
 * @param sessionId null for events that concern no session
 * @param wire the whole {@code {"jsonrpc":"2.0","result":{"event":...},"id":null}} line, without newline
 */
public record BusEvent(long seq, String type, Instant timestamp, String sessionId, String runId, JsonNode data,
                       byte[] wire) {
    private static final JsonMapper MAPPER = JsonMappers.daemon();

    public BusEvent {
        requireNonNull(type, "type is null");
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(data, "data is null");
        requireNonNull(wire, "wire is null");
    }

    public BusEvent(long seq, String type, Instant timestamp, String sessionId, String runId, JsonNode data) {
        this(seq, type, timestamp, sessionId, runId, data, encode(seq, type, timestamp, MAPPER.writeValueAsString(data)));
    }

    /** An event whose data is already serialized (as stored), so it is not serialized again. */
    static BusEvent of(long seq, String type, Instant timestamp, String sessionId, String runId, JsonNode data,
                       String dataJson) {
        return new BusEvent(seq, type, timestamp, sessionId, runId, data, encode(seq, type, timestamp, dataJson));
    }

    private static byte[] encode(long seq, String type, Instant timestamp, String dataJson) {
        // hld's field order (type, timestamp, data) with agentd's seq before the data.
        String line = "{\"jsonrpc\":\"2.0\",\"result\":{\"event\":{\"type\":" + MAPPER.writeValueAsString(type)
                + ",\"timestamp\":\"" + DateTimeFormatter.ISO_INSTANT.format(timestamp) + "\",\"seq\":" + seq
                + ",\"data\":" + dataJson + "}},\"id\":null}";
        return line.getBytes(StandardCharsets.UTF_8);
    }
}
