package io.agentd.daemon.workspace.worktree;

import static java.util.Objects.requireNonNull;

/**
 * What a clean-up did with one worktree.
 *
 * @param removed true when the worktree and its branch are gone (or would be, in a dry run)
 * @param reason why it was kept, empty when removed
 * @param freedBytes disk the removal freed (or would free)
 */
public record CleanupOutcome(WorktreeStatus status, boolean removed, String reason, long freedBytes) {
    public CleanupOutcome {
        requireNonNull(status, "status is null");
        requireNonNull(reason, "reason is null");
    }
}
