package io.agentd.store.event;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** An event about to be stored; the store gives it its sequence number. */
public record NewEvent(String type, String sessionId, String runId, Instant createdAt, String dataJson) {
    public NewEvent {
        requireNonNull(type, "type is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(dataJson, "dataJson is null");
    }
}
