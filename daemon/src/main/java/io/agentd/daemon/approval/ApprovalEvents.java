package io.agentd.daemon.approval;

import io.agentd.store.Tx;
import io.agentd.store.approval.ApprovalRow;

import java.sql.SQLException;

/** Approval changes, told inside the transaction that makes them (published after it commits). */
public interface ApprovalEvents {
    /** An approval was stored, whatever its status ({@code new_approval}). */
    void created(Tx tx, ApprovalRow approval) throws SQLException;

    /** An approval was decided, by a rule or a person, or expired ({@code approval_resolved}). */
    void resolved(Tx tx, ApprovalRow approval) throws SQLException;

    /** Nothing listens. */
    ApprovalEvents NONE = new ApprovalEvents() {
        @Override
        public void created(Tx tx, ApprovalRow approval) {
        }

        @Override
        public void resolved(Tx tx, ApprovalRow approval) {
        }
    };
}
