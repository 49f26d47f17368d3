package io.agentd.daemon.workspace.worktree;

import java.nio.file.Path;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A git worktree agentd created for a session.
 *
 * @param repoRoot the main working tree the worktree was added to
 * @param baseCommit HEAD of {@code repoRoot} when the worktree was made: "commits ahead" count from here
 */
public record Worktree(String sessionId, Path repoRoot, Path path, String branch, String baseCommit, Instant createdAt) {
    public Worktree {
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(repoRoot, "repoRoot is null");
        requireNonNull(path, "path is null");
        requireNonNull(branch, "branch is null");
        requireNonNull(baseCommit, "baseCommit is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
