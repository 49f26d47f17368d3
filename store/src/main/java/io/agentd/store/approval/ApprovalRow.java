package io.agentd.store.approval;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One approval: a tool call Claude asked permission for, and the decision.
 *
 * @param decidedBy what decided it ({@code human}, {@code rule}, {@code auto_accept_edits}, ...); null while pending
 * @param ruleId    the permission rule that decided it, when {@code decidedBy} is {@code rule}; else null
 */
public record ApprovalRow(
        String id,
        String runId,
        String sessionId,
        ApprovalStatus status,
        Instant createdAt,
        Instant respondedAt,
        String toolName,
        String toolInputJson,
        String comment,
        String toolUseId,
        String decidedBy,
        String ruleId) {

    /** An approval no permission rule decided ({@code ruleId} null). */
    public ApprovalRow(String id, String runId, String sessionId, ApprovalStatus status, Instant createdAt,
                       Instant respondedAt, String toolName, String toolInputJson, String comment, String toolUseId,
                       String decidedBy) {
        this(id, runId, sessionId, status, createdAt, respondedAt, toolName, toolInputJson, comment, toolUseId,
                decidedBy, null);
    }

    /** A new pending approval, decided by nothing yet. */
    public static ApprovalRow pending(String id, String runId, String sessionId, Instant createdAt, String toolName,
                                      String toolInputJson, String toolUseId) {
        return new ApprovalRow(id, runId, sessionId, ApprovalStatus.PENDING, createdAt, null, toolName, toolInputJson,
                null, toolUseId, null, null);
    }

    public ApprovalRow {
        requireNonNull(id, "id is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(status, "status is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(toolName, "toolName is null");
        requireNonNull(toolInputJson, "toolInputJson is null");
    }
}
