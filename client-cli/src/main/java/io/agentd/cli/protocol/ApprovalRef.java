package io.agentd.cli.protocol;

import static java.util.Objects.requireNonNull;

/** Params naming one approval: {@code getApproval}. */
public record ApprovalRef(String approvalId) {
    public ApprovalRef {
        requireNonNull(approvalId, "approvalId is null");
    }
}
