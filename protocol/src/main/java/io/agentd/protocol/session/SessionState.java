package io.agentd.protocol.session;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A session as {@code getSessionState} returns it ({@code {"session": ...}}, see {@link Envelope}): hld's
 * {@code SessionState}, times in RFC3339 whole seconds. hld's optional fields are omitted when empty or zero,
 * as Go's {@code omitempty} does.
 *
 * <p>agentd additions: {@code model_id} is filled (hld never fills it here); {@code context_window},
 * {@code duration_api_ms}, {@code num_turns} and {@code result} (Claude's final text) are sent when known,
 * and absent when talking to hld. {@code context_limit} stays, as the model's context window when known,
 * otherwise hld's constant {@link #DEFAULT_CONTEXT_LIMIT}; agentd always sends it. {@code permission_denials}
 * (always sent by agentd, {@code []} when none) lists the tools Claude refused on its own.
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
        Long durationMs,
        boolean autoAcceptEdits,
        boolean dangerouslySkipPermissions,
        String dangerouslySkipPermissionsExpiresAt,
        boolean archived,
        Long contextWindow,
        Long durationApiMs,
        Integer numTurns,
        String result,
        List<PermissionDenial> permissionDenials) {

    public SessionState {
        permissionDenials = permissionDenials == null ? List.of() : List.copyOf(permissionDenials);
    }

    /** hld's {@code ModelContextLimits["default"]}, reported when the model's window is not known yet. */
    public static final long DEFAULT_CONTEXT_LIMIT = 168_000;

    /** Whether the session will not change by itself any more (see {@link SessionStatus#isTerminal()}). */
    public boolean terminal() {
        return SessionStatus.isTerminal(status);
    }

    /**
     * A tool call Claude refused on its own, with the field names of Claude's {@code permission_denials}
     * entries; {@code toolUseId} is empty and {@code toolInput} null when Claude gave none.
     */
    public record PermissionDenial(String toolName, String toolUseId, JsonNode toolInput) {
    }

    /** The result of {@code getSessionState}: the state under {@code session}. */
    public record Envelope(SessionState session) {
    }
}
