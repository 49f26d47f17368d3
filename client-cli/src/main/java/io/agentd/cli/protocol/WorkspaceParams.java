package io.agentd.cli.protocol;

import static java.util.Objects.requireNonNull;

/** Params of the workspace methods ({@code getSessionChanges}, {@code restoreCheckpoint}). */
public final class WorkspaceParams {
    private WorkspaceParams() {
    }

    /** {@code getSessionChanges}. */
    public record Changes(String sessionId) {
        public Changes {
            requireNonNull(sessionId, "sessionId is null");
        }
    }

    /** {@code restoreCheckpoint}. */
    public record Restore(String sessionId, boolean dryRun, boolean force) {
        public Restore {
            requireNonNull(sessionId, "sessionId is null");
        }
    }
}
