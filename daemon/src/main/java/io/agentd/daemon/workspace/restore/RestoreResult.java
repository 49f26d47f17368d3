package io.agentd.daemon.workspace.restore;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a restore did, or would do in a dry run.
 *
 * @param actions the steps, sorted by path
 * @param changedSinceEnd paths that differ from the snapshot taken when the session ended (a non-forced restore
 *                        refuses when this is not empty; a dry run lists them)
 * @param applied false for a dry run
 */
public record RestoreResult(String sessionId, boolean dryRun, boolean applied, List<RestoreAction> actions,
                            List<String> changedSinceEnd) {
    public RestoreResult {
        requireNonNull(sessionId, "sessionId is null");
        actions = List.copyOf(actions);
        changedSinceEnd = List.copyOf(changedSinceEnd);
    }
}
