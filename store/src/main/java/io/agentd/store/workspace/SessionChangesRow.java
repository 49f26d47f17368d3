package io.agentd.store.workspace;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** The stored changes of one session. {@code source} is {@code git} or {@code scan}. */
public record SessionChangesRow(String sessionId, String source, boolean truncated, String note, Instant capturedAt,
                                List<FileChangeRow> files) {
    public SessionChangesRow {
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(source, "source is null");
        requireNonNull(note, "note is null");
        requireNonNull(capturedAt, "capturedAt is null");
        files = List.copyOf(files);
    }
}
