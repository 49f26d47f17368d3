package io.agentd.daemon.workspace.worktree;

import static java.util.Objects.requireNonNull;

/**
 * A worktree as it is now.
 *
 * @param exists false when its directory is gone
 * @param branch the branch checked out there now (usually {@code worktree.branch()})
 * @param commitsAhead commits on the branch since {@code worktree.baseCommit()}
 * @param unmergedCommits commits reachable from the branch and from no other branch, tag or remote ref
 * @param dirty uncommitted changes (tracked or untracked, not ignored)
 * @param diskBytes bytes of the files under the worktree's directory
 */
public record WorktreeStatus(Worktree worktree, boolean exists, String branch, int commitsAhead, int unmergedCommits,
                             boolean dirty, long diskBytes) {
    public WorktreeStatus {
        requireNonNull(worktree, "worktree is null");
        requireNonNull(branch, "branch is null");
    }
}
