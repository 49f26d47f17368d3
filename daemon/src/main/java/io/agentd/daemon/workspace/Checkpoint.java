package io.agentd.daemon.workspace;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The state of a session's directory recorded before the session started.
 *
 * @param dir the session's working directory
 * @param repoRoot the top of the git working tree holding {@code dir}; {@code dir} itself for a scan
 * @param commit the checkpoint commit on {@link #ref()}; empty for a scan
 * @param tree that commit's tree; empty for a scan
 */
public record Checkpoint(String sessionId, Kind kind, Path dir, Path repoRoot, String commit, String tree,
                         Instant createdAt) {
    /** How the directory was recorded. */
    public enum Kind {
        /** A commit object on {@code refs/agentd/checkpoints/<session>}. */
        GIT,
        /** A manifest file of a bounded scan (outside git). */
        SCAN
    }

    public Checkpoint {
        SessionIds.require(sessionId);
        requireNonNull(kind, "kind is null");
        requireNonNull(dir, "dir is null");
        requireNonNull(repoRoot, "repoRoot is null");
        requireNonNull(commit, "commit is null");
        requireNonNull(tree, "tree is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** The private ref holding a git checkpoint. */
    public String ref() {
        return ref(sessionId);
    }

    public static String ref(String sessionId) {
        return "refs/agentd/checkpoints/" + SessionIds.require(sessionId);
    }

    /** The private ref holding the snapshot taken when the session ended. */
    public static String endRef(String sessionId) {
        return "refs/agentd/session-ends/" + SessionIds.require(sessionId);
    }

    public Optional<String> gitTree() {
        return kind == Kind.GIT ? Optional.of(tree) : Optional.empty();
    }
}
