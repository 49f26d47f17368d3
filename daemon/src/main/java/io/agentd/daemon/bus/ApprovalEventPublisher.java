package io.agentd.daemon.bus;

import io.agentd.daemon.approval.ApprovalEvents;
import io.agentd.store.Tx;
import io.agentd.store.approval.ApprovalRow;
import io.agentd.store.approval.ApprovalStatus;
import tools.jackson.databind.node.ObjectNode;

import java.sql.SQLException;

import static java.util.Objects.requireNonNull;

/**
 * Turns approval changes into hld's {@code new_approval} and {@code approval_resolved} events. Beyond hld,
 * both carry {@code run_id}, and {@code approval_resolved} says which rule decided ({@code decided_by}) and
 * the final {@code status} (which tells an expired approval from a denied one).
 */
public final class ApprovalEventPublisher implements ApprovalEvents {
    private final EventLog log;

    public ApprovalEventPublisher(EventLog log) {
        this.log = requireNonNull(log, "log is null");
    }

    @Override
    public void created(Tx tx, ApprovalRow a) throws SQLException {
        ObjectNode data = base(a);
        data.put("tool_name", a.toolName());
        log.publish(tx, BusEventType.NEW_APPROVAL, a.sessionId(), a.runId(), data);
    }

    @Override
    public void resolved(Tx tx, ApprovalRow a) throws SQLException {
        ObjectNode data = base(a);
        data.put("approved", a.status() == ApprovalStatus.APPROVED);
        data.put("response_text", a.comment() == null ? "" : a.comment());
        if (a.toolUseId() != null) {
            data.put("tool_use_id", a.toolUseId());
        }
        data.put("status", a.status().wireName());
        if (a.decidedBy() != null) {
            data.put("decided_by", a.decidedBy());
        }
        log.publish(tx, BusEventType.APPROVAL_RESOLVED, a.sessionId(), a.runId(), data);
    }

    private static ObjectNode base(ApprovalRow a) {
        ObjectNode data = EventLog.object();
        data.put("approval_id", a.id());
        data.put("session_id", a.sessionId());
        data.put("run_id", a.runId());
        return data;
    }
}
