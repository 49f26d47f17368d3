package io.agentd.store.snapshot;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** The content of a file as Claude's Read tool saw it. */
public record FileSnapshotRow(String toolId, String sessionId, String filePath, String content, Instant createdAt) {
    public FileSnapshotRow {
        requireNonNull(toolId, "toolId is null");
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(filePath, "filePath is null");
        requireNonNull(content, "content is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
