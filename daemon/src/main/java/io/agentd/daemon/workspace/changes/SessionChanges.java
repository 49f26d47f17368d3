package io.agentd.daemon.workspace.changes;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The files a session changed, as a record ready to be stored with the session.
 *
 * @param source how the changes were found
 * @param files sorted by path, at most {@link WorkspaceLimits#maxFiles()}
 * @param truncated true when files were left out or a scan stopped early; {@code note} says why
 */
public record SessionChanges(String sessionId, Source source, List<FileChange> files, boolean truncated, String note) {
    /** Where the before/after comparison came from. */
    public enum Source {
        /** Two git trees: the checkpoint and a snapshot taken with a temporary index. */
        GIT,
        /** A bounded scan of a directory outside git against the manifest taken before the session. */
        SCAN
    }

    public SessionChanges {
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(source, "source is null");
        files = List.copyOf(files);
        requireNonNull(note, "note is null");
    }
}
