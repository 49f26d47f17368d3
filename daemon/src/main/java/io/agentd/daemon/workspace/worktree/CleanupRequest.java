package io.agentd.daemon.workspace.worktree;

import java.time.Duration;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Which worktrees a clean-up considers and how far it may go.
 *
 * @param sessionIds only these sessions' worktrees; empty for all
 * @param olderThan only worktrees created longer ago than this ({@link Duration#ZERO} for any age)
 * @param force also remove dirty worktrees and branches whose commits are merged nowhere
 * @param dryRun report what would be removed, remove nothing
 */
public record CleanupRequest(Set<String> sessionIds, Duration olderThan, boolean force, boolean dryRun) {
    public CleanupRequest {
        sessionIds = Set.copyOf(sessionIds);
        requireNonNull(olderThan, "olderThan is null");
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("olderThan is negative");
        }
    }

    /** The worktrees of these sessions, without force. */
    public static CleanupRequest of(Set<String> sessionIds) {
        return new CleanupRequest(sessionIds, Duration.ZERO, false, false);
    }

    /** The retention policy: everything older than {@code age}, without force. */
    public static CleanupRequest olderThan(Duration age) {
        return new CleanupRequest(Set.of(), age, false, false);
    }

    public CleanupRequest forced() {
        return new CleanupRequest(sessionIds, olderThan, true, dryRun);
    }

    public CleanupRequest dryRunOnly() {
        return new CleanupRequest(sessionIds, olderThan, force, true);
    }
}
