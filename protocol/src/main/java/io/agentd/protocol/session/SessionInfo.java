package io.agentd.protocol.session;

import java.util.Optional;

/**
 * One session as {@code listSessions} and {@code getSessionLeaves} return it: hld's {@code Info}, with its
 * field names and RFC3339Nano times. Null components are left off the wire, which reproduces hld's
 * {@code omitempty} fields; the booleans are always sent.
 *
 * <p>Differences from hld, all additive or safer:
 * <ul>
 *   <li>the token and cost fields ({@code input_tokens} … {@code context_window}, {@code cost_usd}) are
 *       agentd's; hld's {@code Info} has none, so a client talking to hld finds them null;</li>
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

    /** Cost from agentd's field, else from the run result. */
    public Optional<Double> cost() {
        return Optional.ofNullable(costUsd).or(() -> Optional.ofNullable(result).map(RunResult::totalCostUsd));
    }

    /** Input plus output tokens, when the daemon reports either. */
    public Optional<Long> tokens() {
        if (inputTokens == null && outputTokens == null) {
            return Optional.empty();
        }
        return Optional.of((inputTokens == null ? 0 : inputTokens) + (outputTokens == null ? 0 : outputTokens));
    }
}
