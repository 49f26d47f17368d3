package io.agentd.store.approval;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** One approval: a tool call Claude asked permission for, and the decision. */
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
        String toolUseId) {

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
