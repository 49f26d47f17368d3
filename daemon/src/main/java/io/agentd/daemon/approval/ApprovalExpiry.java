package io.agentd.daemon.approval;

import io.agentd.daemon.session.SessionEndListener;
import io.agentd.store.Tx;
import io.agentd.store.approval.ApprovalRepository;
import io.agentd.store.approval.ApprovalRow;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.session.SessionRow;

import java.sql.SQLException;
import java.time.Clock;

import static java.util.Objects.requireNonNull;

/**
 * Expires a session's pending approvals in the transaction that ends the session: nobody can act on
 * their answer any more, and a waiting client learns it from {@code approval_resolved} (approved=false).
 */
public final class ApprovalExpiry implements SessionEndListener {
    private final ApprovalResolver resolver;
    private final PermissionPolicy policy;

    public ApprovalExpiry(ApprovalEvents events, Clock clock) {
        this.resolver = new ApprovalResolver(new ApprovalRepository(), new ConversationRepository(),
                requireNonNull(events, "events is null"), requireNonNull(clock, "clock is null"));
        this.policy = new PermissionPolicy(clock);
    }

    @Override
    public void sessionEnded(Tx tx, SessionRow session) throws SQLException {
        for (ApprovalRow a : resolver.approvals().pending(tx.connection(), session.id())) {
            PermissionPolicy.Decision d = policy.sessionEnded();
            resolver.resolve(tx, a.id(), d.status(), d.comment(), d.decidedBy());
        }
    }
}
