package io.agentd.daemon.approval;

import io.agentd.daemon.json.JsonMappers;
import io.agentd.daemon.session.api.WireTimes;
import io.agentd.store.approval.ApprovalRow;
import tools.jackson.databind.JsonNode;

/**
 * hld's {@code Approval} on the wire; absent optional fields are left out. {@code tool_input} is the JSON
 * Claude sent, as it was sent. {@code decided_by} (agentd) says what decided it, and {@code rule_id} (agentd, only when
 * {@code decided_by} is {@code rule}) which permission rule.
 */
public record ApprovalView(
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
        String decidedBy,
        String ruleId) {

    static ApprovalView of(ApprovalRow a) {
        return new ApprovalView(a.id(), a.runId(), a.sessionId(), a.toolUseId(), a.status().wireName(),
                WireTimes.rfc3339Nano(a.createdAt()), WireTimes.rfc3339Nano(a.respondedAt()), a.toolName(),
                JsonMappers.daemon().readTree(a.toolInputJson()), a.comment(), a.decidedBy(), a.ruleId());
    }
}
