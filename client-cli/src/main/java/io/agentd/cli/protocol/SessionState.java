package io.agentd.cli.protocol;

/**
 * Result payload of {@code getSessionState} ({@code {session: SessionState}}). {@code num_turns} and
 * {@code result} (Claude's final answer) are agentd additions, absent when talking to hld.
 */
public record SessionState(
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
        Long contextLimit,
        Long contextWindow,
        Long durationMs,
        boolean autoAcceptEdits,
        boolean dangerouslySkipPermissions,
        String dangerouslySkipPermissionsExpiresAt,
        boolean archived,
        Integer numTurns,
        String result) {

    /** The statuses after which a session will not change by itself. */
    public boolean isTerminal() {
        return switch (status == null ? "" : status) {
            case "completed", "failed", "interrupted" -> true;
            default -> false;
        };
    }

    /** Wrapper the daemon puts around the state. */
    public record Envelope(SessionState session) {
    }
}
