package io.agentd.store.rawevent;

import static java.util.Objects.requireNonNull;

/**
 * A stdout line to store verbatim.
 *
 * @param eventType the stream-json {@code type} the parser read from it; null when the line is not an event
 */
public record NewRawEvent(String eventType, String json) {
    public NewRawEvent {
        requireNonNull(json, "json is null");
    }
}
