package io.agentd.daemon.bus;

import io.agentd.daemon.approval.ApprovalEvents;
import io.agentd.store.Tx;
import io.agentd.store.approval.ApprovalRow;

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
        log.publish(tx, new BusEvent.NewApproval(a.id(), a.sessionId(), a.runId(), a.toolName()));
    }

    @Override
    public void resolved(Tx tx, ApprovalRow a) throws SQLException {
        log.publish(tx, new BusEvent.ApprovalResolved(a.id(), a.sessionId(), a.runId(), a.status(), a.comment(),
                a.toolUseId(), a.decidedBy(), a.ruleId()));
    }
}
