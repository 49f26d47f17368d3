package io.agentd.cli.protocol;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Result payload of {@code getSessionState} ({@code {session: SessionState}}). {@code num_turns},
 * {@code result} (Claude's final answer) and {@code permission_denials} (tools Claude refused on its own) are
 * agentd additions, absent when talking to hld.
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
        String result,
        List<PermissionDenial> permissionDenials) {

    public SessionState {
        permissionDenials = permissionDenials == null ? List.of() : List.copyOf(permissionDenials);
    }

    /** The statuses after which a session will not change by itself. */
    public boolean isTerminal() {
        return switch (status == null ? "" : status) {
            case "completed", "failed", "interrupted" -> true;
            default -> false;
        };
    }

    /** A tool call Claude refused; {@code toolUseId} is empty and {@code toolInput} null when Claude gave none. */
    public record PermissionDenial(String toolName, String toolUseId, JsonNode toolInput) {
    }

    /** Wrapper the daemon puts around the state. */
    public record Envelope(SessionState session) {
    }
}
