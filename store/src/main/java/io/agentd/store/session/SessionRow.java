package io.agentd.store.session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static java.util.Objects.requireNonNull;

/**
 * One row of {@code sessions}. Nullable components are absent values (not yet known or not given).
 */
public record SessionRow(
        String id,
        String runId,
        String claudeSessionId,
        String parentSessionId,
        SessionStatus status,
        String query,
        String summary,
        String title,
        String model,
        String modelId,
        String workingDir,
        LaunchConfig config,
        Instant createdAt,
        Instant lastActivityAt,
        Instant completedAt,
        SessionOutcome outcome,
        TokenCounts tokens,
        PermissionSettings permissions,
        boolean archived,
        ProxySettings proxy,
        String editorState) {

    public SessionRow {
        requireNonNull(id, "id is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(status, "status is null");
        requireNonNull(query, "query is null");
        summary = summary == null ? "" : summary;
        title = title == null ? "" : title;
        requireNonNull(config, "config is null");
        // The store keeps milliseconds; normalising here makes a row equal to itself after a round trip.
        createdAt = requireNonNull(createdAt, "createdAt is null").truncatedTo(ChronoUnit.MILLIS);
        lastActivityAt = requireNonNull(lastActivityAt, "lastActivityAt is null").truncatedTo(ChronoUnit.MILLIS);
        completedAt = completedAt == null ? null : completedAt.truncatedTo(ChronoUnit.MILLIS);
        outcome = outcome == null ? SessionOutcome.none() : outcome;
        tokens = tokens == null ? TokenCounts.none() : tokens;
        permissions = permissions == null ? PermissionSettings.none() : permissions;
        proxy = proxy == null ? ProxySettings.none() : proxy;
    }

    /** A new session about to be launched: status {@code starting}, created and active now. */
    public static SessionRow newSession(String id, String runId, String parentSessionId, String query, String summary,
                                        String title, String model, String workingDir, LaunchConfig config,
                                        PermissionSettings permissions, Instant now) {
        return new SessionRow(id, runId, null, parentSessionId, SessionStatus.STARTING, query, summary, title, model, null,
                workingDir, config, now, now, null, null, null, permissions, false, null, null);
    }
}
