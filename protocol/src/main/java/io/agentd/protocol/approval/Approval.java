package io.agentd.protocol.approval;

import tools.jackson.databind.JsonNode;

/**
 * hld's {@code Approval} on the wire; absent optional fields are left out. {@code tool_input} is the JSON
 * Claude sent, as it was sent. {@code decided_by} (agentd) names the rule that decided it.
 */
public record Approval(
        String id,
        String runId,
        String sessionId,
        String toolUseId,
        String status,
        String createdAt,
        String respondedAt,
        String toolName,
        JsonNode toolInput,
        String comment,
        String decidedBy) {
}
