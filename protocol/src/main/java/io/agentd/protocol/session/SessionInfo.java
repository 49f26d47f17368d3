package io.agentd.protocol.session;

import static io.agentd.daemon.session.api.WireValues.orEmpty;
import static io.agentd.daemon.session.api.WireValues.text;

import io.agentd.store.session.SessionOutcome;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.TokenCounts;

/**
 * One session as {@code listSessions} and {@code getSessionLeaves} return it: hld's {@code Info}, with its
 * field names and RFC3339Nano times. Null components are left off the wire, which reproduces hld's
 * {@code omitempty} fields; the booleans are always sent.
 *
 * <p>Differences from hld, all additive or safer:
 * <ul>
 *   <li>the token and cost fields ({@code input_tokens} … {@code context_window}, {@code cost_usd}) are
 *       agentd's; hld's {@code Info} has none;</li>
 *   <li>{@code result.duration_api_ms} carries Claude's value where hld always sends 0;</li>
 *   <li>{@code proxy_api_key} is never sent: hld leaks the key in clear to every local client.</li>
 * </ul>
 */
public record SessionInfo(
        String id,
        String runId,
        String claudeSessionId,
        String parentSessionId,
        String status,
        String startTime,
        String endTime,
        String lastActivityAt,
        String error,
        String query,
        String summary,
        String title,
        String model,
        String modelId,
        String workingDir,
        RunResult result,
        boolean autoAcceptEdits,
        boolean dangerouslySkipPermissions,
        String dangerouslySkipPermissionsExpiresAt,
        boolean archived,
        String editorState,
        boolean proxyEnabled,
        String proxyBaseUrl,
        String proxyModelOverride,
        Long inputTokens,
        Long outputTokens,
        Long cacheCreationInputTokens,
        Long cacheReadInputTokens,
        Long effectiveContextTokens,
        Long contextWindow,
        Double costUsd) {

    /**
     * How the Claude run ended, in the shape of claudecode-go's {@code Result} as hld reports it.
     *
     * @param sessionId the Claude session id ({@code ""} when unknown)
     * @param error the error message; absent unless the session failed with one
     */
    public record RunResult(
            String type,
            String subtype,
            double totalCostUsd,
            boolean isError,
            long durationMs,
            long durationApiMs,
            int numTurns,
            String result,
            String sessionId,
            String error) {
    }

    /** Maps a stored session. */
    public static SessionInfo from(SessionRow row) {
        TokenCounts tokens = row.tokens();
        return new SessionInfo(row.id(), row.runId(), text(row.claudeSessionId()), text(row.parentSessionId()),
                row.status().wireName(), WireTimes.rfc3339Nano(row.createdAt()),
                WireTimes.rfc3339Nano(row.completedAt()), WireTimes.rfc3339Nano(row.lastActivityAt()),
                text(row.outcome().errorMessage()), row.query(), row.summary(), row.title(), text(row.model()),
                text(row.modelId()), text(row.workingDir()), result(row), row.permissions().autoAcceptEdits(),
                row.permissions().dangerouslySkipPermissions(),
                WireTimes.rfc3339Nano(row.permissions().bypassExpiresAt()), row.archived(),
                text(row.editorState()), row.proxy().enabled(), text(row.proxy().baseUrl()),
                text(row.proxy().modelOverride()), tokens.inputTokens(), tokens.outputTokens(),
                tokens.cacheCreationInputTokens(), tokens.cacheReadInputTokens(), tokens.effectiveContextTokens(),
                tokens.contextWindow(), row.outcome().costUsd());
    }

    /** hld builds the result only once something of the run's end is known. */
    private static RunResult result(SessionRow row) {
        SessionOutcome o = row.outcome();
        if (o.resultContent() == null && o.numTurns() == null && o.costUsd() == null && o.durationMs() == null) {
            return null;
        }
        String error = text(o.errorMessage());
        return new RunResult("result", "session_completed", o.costUsd() == null ? 0 : o.costUsd(), error != null,
                o.durationMs() == null ? 0 : o.durationMs(), o.durationApiMs() == null ? 0 : o.durationApiMs(),
                o.numTurns() == null ? 0 : o.numTurns(), orEmpty(o.resultContent()), orEmpty(row.claudeSessionId()),
                error);
    }
}
