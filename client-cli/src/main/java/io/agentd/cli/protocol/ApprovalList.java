package io.agentd.cli.protocol;

import io.agentd.protocol.approval.Approval;
import java.util.List;

/** Result of {@code fetchApprovals}; hld sends {@code null} for a session without pending approvals. */
public record ApprovalList(List<Approval> approvals) {
    public ApprovalList {
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }
}
