package io.agentd.cli.protocol;

import tools.jackson.databind.JsonNode;

/**
 * One approval as {@code getApproval} and {@code fetchApprovals} return it (hld's {@code Approval};
 * {@code expired} is agentd's status for an approval whose session ended undecided; {@code decided_by} is agentd's
 * record of who or what decided it, absent from hld).
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

    /** Still waiting for a human. */
    public boolean pending() {
        return status == null || "pending".equals(status);
    }

    /** The result of {@code getApproval}. */
    public record Envelope(Approval approval) {
    }
}
