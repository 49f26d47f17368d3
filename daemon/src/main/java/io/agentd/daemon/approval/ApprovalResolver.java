package io.agentd.daemon.approval;

import io.agentd.store.Tx;
import io.agentd.store.approval.ApprovalRepository;
import io.agentd.store.approval.ApprovalRow;
import io.agentd.store.approval.ApprovalStatus;
import io.agentd.store.conversation.ConversationRepository;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Decides a pending approval, whoever decides: stores the decision (first one wins), marks the linked
 * tool_call and publishes {@code approval_resolved}, all in the caller's transaction.
 */
final class ApprovalResolver {
    private final ApprovalRepository approvals;
    private final ConversationRepository conversation;
    private final ApprovalEvents events;
    private final Clock clock;

    ApprovalResolver(ApprovalRepository approvals, ConversationRepository conversation, ApprovalEvents events, Clock clock) {
        this.approvals = requireNonNull(approvals, "approvals is null");
        this.conversation = requireNonNull(conversation, "conversation is null");
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The decided approval, or empty when it was not pending any more (it keeps its first decision). */
    Optional<ApprovalRow> resolve(Tx tx, String approvalId, ApprovalStatus status, String comment, DecidedBy by)
            throws SQLException {
        return resolve(tx, approvalId, status, comment, by, null);
    }

    /** As {@link #resolve(Tx, String, ApprovalStatus, String, DecidedBy)}; {@code ruleId} names a deciding rule. */
    Optional<ApprovalRow> resolve(Tx tx, String approvalId, ApprovalStatus status, String comment, DecidedBy by,
                                  String ruleId) throws SQLException {
        if (!approvals.decide(tx.connection(), approvalId, status, comment, by.wireName(), ruleId, clock.instant())) {
            return Optional.empty();
        }
        ApprovalRow decided = approvals.find(tx.connection(), approvalId).orElseThrow();
        conversation.setApprovalStatus(tx.connection(), approvalId, status.toolCallStatus());
        events.resolved(tx, decided);
        return Optional.of(decided);
    }

    ApprovalRepository approvals() {
        return approvals;
    }

    ConversationRepository conversation() {
        return conversation;
    }

    ApprovalEvents events() {
        return events;
    }

    Clock clock() {
        return clock;
    }
}
