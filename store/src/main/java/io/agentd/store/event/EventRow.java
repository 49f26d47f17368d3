package io.agentd.store.event;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** One published event as stored: its sequence number, type, the session it concerns and its JSON data. */
public record EventRow(long seq, String type, String sessionId, String runId, Instant createdAt, String dataJson) {
    public EventRow {
        requireNonNull(type, "type is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(dataJson, "dataJson is null");
    }
}
