package io.agentd.daemon.bus;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One published event: its place in the event log ({@code seq}), what it is and whom it concerns.
 *
 * @param type the wire name (an unknown name read back from the store is kept as is)
 * @param sessionId null for events that concern no session
 */
public record BusEvent(long seq, String type, Instant timestamp, String sessionId, String runId, JsonNode data) {
    public BusEvent {
        requireNonNull(type, "type is null");
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(data, "data is null");
    }
}
