package io.agentd.store.workspace;

import static java.util.Objects.requireNonNull;

/** One changed file of a session, as stored. {@code status} is {@code added}, {@code modified} or {@code deleted}. */
public record FileChangeRow(String path, String status, String diff, boolean binary, boolean large, long oldSize,
                            long newSize, String note) {
    public FileChangeRow {
        requireNonNull(path, "path is null");
        requireNonNull(status, "status is null");
        requireNonNull(diff, "diff is null");
        requireNonNull(note, "note is null");
    }
}
