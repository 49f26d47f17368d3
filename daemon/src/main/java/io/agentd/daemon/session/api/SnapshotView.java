package io.agentd.daemon.session.api;

import io.agentd.store.snapshot.FileSnapshotRow;

/** A file snapshot as {@code getSessionSnapshots} returns it; {@code created_at} in RFC3339 whole seconds. */
public record SnapshotView(String toolId, String filePath, String content, String createdAt) {
    /** Maps a stored snapshot. */
    public static SnapshotView from(FileSnapshotRow row) {
        return new SnapshotView(row.toolId(), row.filePath(), row.content(), WireTimes.rfc3339(row.createdAt()));
    }
}
