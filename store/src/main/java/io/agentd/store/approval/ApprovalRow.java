package io.agentd.store.approval;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One approval: a tool call Claude asked permission for, and the decision.
 *
 * @param decidedBy the rule that decided it ({@code human}, {@code auto_accept_edits}, ...); null while pending
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
        String decidedBy) {

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
