package io.agentd.daemon.workspace;

import io.agentd.daemon.workspace.changes.WorkspaceLimits;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * @param stateDir where checkpoint records, scan manifests and worktree records are kept (under the daemon's data dir)
 * @param worktreeRoot where session worktrees are created, as {@code <root>/<repo>-<short id>}
 */
public record WorkspaceConfig(Path stateDir, Path worktreeRoot, WorkspaceLimits limits) {
    public WorkspaceConfig {
        requireNonNull(stateDir, "stateDir is null");
        requireNonNull(worktreeRoot, "worktreeRoot is null");
        requireNonNull(limits, "limits is null");
    }

    public static WorkspaceConfig of(Path stateDir, Path worktreeRoot) {
        return new WorkspaceConfig(stateDir, worktreeRoot, WorkspaceLimits.defaults());
    }
}
