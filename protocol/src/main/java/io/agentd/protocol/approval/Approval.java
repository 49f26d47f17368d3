package io.agentd.protocol.approval;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * hld's {@code Approval} on the wire, as {@code getApproval} and {@code fetchApprovals} return it; absent
 * optional fields are left out. {@code tool_input} is the JSON Claude sent, as it was sent. {@code status}
 * is one of {@link ApprovalStatus}' wire names ({@code expired} is agentd's, for an approval whose session
 * ended undecided). {@code decided_by} (agentd) says what decided it, and {@code rule_id} (agentd, only
 * when {@code decided_by} is {@code rule}) which permission rule.
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
        String decidedBy,
        String ruleId) {

    /** An approval no permission rule decided. */
    public Approval(String id, String runId, String sessionId, String toolUseId, String status, String createdAt,
                    String respondedAt, String toolName, JsonNode toolInput, String comment, String decidedBy) {
        this(id, runId, sessionId, toolUseId, status, createdAt, respondedAt, toolName, toolInput, comment, decidedBy,
                null);
    }

    /** The status, or empty when it is absent or a name this side does not know. */
    public Optional<ApprovalStatus> approvalStatus() {
        return ApprovalStatus.parse(status);
    }

    /** Still waiting for a human; an approval without a status counts as pending. */
    public boolean pending() {
        return status == null || approvalStatus().orElse(null) == ApprovalStatus.PENDING;
    }

    /** The result of {@code getApproval}: the approval under {@code approval}. */
    public record Envelope(Approval approval) {
    }
}
