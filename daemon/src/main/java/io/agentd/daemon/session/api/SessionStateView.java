package io.agentd.daemon.session.api;

import static io.agentd.daemon.session.api.WireValues.nonZero;
import static io.agentd.daemon.session.api.WireValues.text;

import io.agentd.store.denial.PermissionDenialRow;
import io.agentd.store.session.SessionOutcome;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.TokenCounts;

import java.util.List;

/**
 * A session as {@code getSessionState} returns it: hld's {@code SessionState}, times in RFC3339 whole
 * seconds. hld's optional fields are omitted when empty or zero, as Go's {@code omitempty} does.
 *
 * <p>agentd additions: {@code model_id} is filled (hld never fills it here); {@code context_window},
 * {@code duration_api_ms}, {@code num_turns} and {@code result} (Claude's final text) are sent when known.
 * {@code context_limit} stays, as the model's context window when known, otherwise hld's constant 168000.
 * {@code permission_denials} (always sent, {@code []} when none) lists the tools Claude refused on its own.
 */
public record SessionStateView(
        String id,
        String runId,
        String claudeSessionId,
        String parentSessionId,
        String status,
        String query,
        String summary,
        String title,
        String model,
        String modelId,
        String workingDir,
        String createdAt,
        String lastActivityAt,
        String completedAt,
        String errorMessage,
        Double costUsd,
        Long inputTokens,
        Long outputTokens,
        Long cacheCreationInputTokens,
        Long cacheReadInputTokens,
        Long effectiveContextTokens,
        long contextLimit,
        Long durationMs,
        boolean autoAcceptEdits,
        boolean dangerouslySkipPermissions,
        String dangerouslySkipPermissionsExpiresAt,
        boolean archived,
        Long contextWindow,
        Long durationApiMs,
        Integer numTurns,
        String result,
        List<PermissionDenialView> permissionDenials) {

    public SessionStateView {
        permissionDenials = List.copyOf(permissionDenials);
    }

    /** hld's {@code ModelContextLimits["default"]}, reported when the model's window is not known yet. */
    public static final long DEFAULT_CONTEXT_LIMIT = 168_000;

    /** Maps a stored session and the tools Claude refused in it. */
    public static SessionStateView from(SessionRow row, List<PermissionDenialRow> denials) {
        TokenCounts t = row.tokens();
        SessionOutcome o = row.outcome();
        long contextLimit = t.contextWindow() != null && t.contextWindow() > 0 ? t.contextWindow()
                : DEFAULT_CONTEXT_LIMIT;
        return new SessionStateView(row.id(), row.runId(), text(row.claudeSessionId()), text(row.parentSessionId()),
                row.status().wireName(), row.query(), row.summary(), row.title(), text(row.model()),
                text(row.modelId()), text(row.workingDir()), WireTimes.rfc3339(row.createdAt()),
                WireTimes.rfc3339(row.lastActivityAt()), WireTimes.rfc3339(row.completedAt()),
                text(o.errorMessage()), nonZero(o.costUsd()), nonZero(t.inputTokens()), nonZero(t.outputTokens()),
                nonZero(t.cacheCreationInputTokens()), nonZero(t.cacheReadInputTokens()),
                nonZero(t.effectiveContextTokens()), contextLimit, nonZero(o.durationMs()),
                row.permissions().autoAcceptEdits(), row.permissions().dangerouslySkipPermissions(),
                WireTimes.rfc3339(row.permissions().bypassExpiresAt()), row.archived(), t.contextWindow(),
                o.durationApiMs(), o.numTurns(), text(o.resultContent()),
                denials.stream().map(PermissionDenialView::from).toList());
    }
}
