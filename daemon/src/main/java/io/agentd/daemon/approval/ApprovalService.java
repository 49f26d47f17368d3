package io.agentd.daemon.approval;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.session.BypassEnabledListener;
import io.agentd.daemon.session.SessionTransitions;
import io.agentd.store.Database;
import io.agentd.store.Tx;
import io.agentd.store.approval.ApprovalRepository;
import io.agentd.store.approval.ApprovalRow;
import io.agentd.store.approval.ApprovalStatus;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;

import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Creates, lists and decides approvals; what is decided without a person is {@link PermissionPolicy}'s
 * answer. Each operation is one transaction: the approval row, the tool_call link,
 * the session's move to {@code waiting_input} and back to {@code running}, and the events.
 */
public final class ApprovalService implements BypassEnabledListener {
    static final String BYPASS_ENABLED_COMMENT = "Auto-approved due to bypass permissions";

    private final Database database;
    private final SessionRepository sessions = new SessionRepository();
    private final SessionTransitions transitions;
    private final BypassExpiry bypass;
    private final ApprovalResolver resolver;

    /** What Claude asked permission for; {@code toolUseId} null for hld's legacy path (session by run id). */
    public record NewApproval(String runId, String toolName, String toolInputJson, String toolUseId) {
        public NewApproval {
            requireNonNull(runId, "runId is null");
            requireNonNull(toolName, "toolName is null");
            requireNonNull(toolInputJson, "toolInputJson is null");
        }
    }

    /** The answer to a decision: {@code error} says why it was not recorded. */
    public record DecisionOutcome(boolean success, String error) {
    }

    public ApprovalService(Database database, SessionTransitions transitions, BypassExpiry bypass, ApprovalEvents events,
                           Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.transitions = requireNonNull(transitions, "transitions is null");
        this.bypass = requireNonNull(bypass, "bypass is null");
        this.resolver = new ApprovalResolver(new ApprovalRepository(), new ConversationRepository(),
                requireNonNull(events, "events is null"), requireNonNull(clock, "clock is null"));
    }

    /** Stores an approval, decided by the session's rules or pending; returns its id ({@code local-<UUID>}). */
    public ApprovalRow create(NewApproval request) {
        return database.write(tx -> {
            SessionRow session = bypass.switchOffIfExpired(tx, session(tx, request));
            Optional<PermissionPolicy.Decision> auto = bypass.policy().decide(session, request.toolName());
            ApprovalRow row = new ApprovalRow("local-" + UUID.randomUUID(), session.runId(), session.id(),
                    ApprovalStatus.PENDING, resolver.clock().instant(), null, request.toolName(), request.toolInputJson(),
                    null, request.toolUseId(), null);
            resolver.approvals().insert(tx.connection(), row);
            resolver.events().created(tx, row);
            link(tx, row);
            if (auto.isPresent()) {
                PermissionPolicy.Decision d = auto.get();
                return resolver.resolve(tx, row.id(), d.status(), d.comment(), d.decidedBy()).orElseThrow();
            }
            transitions.move(tx, session.id(), EnumSet.of(SessionStatus.RUNNING), SessionStatus.WAITING_INPUT);
            return row;
        });
    }

    /** Pending approvals of a session, oldest first; empty for an unknown session or none named (hld). */
    public List<ApprovalRow> pending(String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) {
            return List.of();
        }
        return database.read(c -> resolver.approvals().pending(c, sessionId));
    }

    /** One approval, whatever its status. */
    public ApprovalRow get(String approvalId) {
        return database.read(c -> resolver.approvals().find(c, approvalId)).orElseThrow(() -> AgentdException.notFound(
                "failed to get approval: failed to get approval: approval not found: " + approvalId));
    }

    /** A person's decision. The first decision wins; a later one (or one on an expired approval) is refused. */
    public DecisionOutcome decide(String approvalId, boolean approve, String comment) {
        return database.write(tx -> {
            Optional<ApprovalRow> current = resolver.approvals().find(tx.connection(), approvalId);
            if (current.isEmpty()) {
                return new DecisionOutcome(false, "failed to get approval: approval not found: " + approvalId);
            }
            Optional<ApprovalRow> decided = resolver.resolve(tx, approvalId,
                    approve ? ApprovalStatus.APPROVED : ApprovalStatus.DENIED, comment, DecidedBy.HUMAN);
            if (decided.isEmpty()) {
                return new DecisionOutcome(false, "failed to update approval: approval " + approvalId
                        + " already decided with status: " + current.get().status().wireName());
            }
            resumeIfNothingPending(tx, current.get().sessionId());
            return new DecisionOutcome(true, null);
        });
    }

    /** Turning bypass on approves everything the session is waiting for (hld's rule). */
    @Override
    public void bypassEnabled(Tx tx, String sessionId) throws SQLException {
        List<ApprovalRow> waiting = resolver.approvals().pending(tx.connection(), sessionId);
        for (ApprovalRow a : waiting) {
            resolver.resolve(tx, a.id(), ApprovalStatus.APPROVED, BYPASS_ENABLED_COMMENT, DecidedBy.BYPASS_ENABLED);
        }
        if (!waiting.isEmpty()) {
            resumeIfNothingPending(tx, sessionId);
        }
    }

    private void resumeIfNothingPending(Tx tx, String sessionId) throws SQLException {
        if (!resolver.approvals().hasPending(tx.connection(), sessionId)) {
            transitions.move(tx, sessionId, EnumSet.of(SessionStatus.WAITING_INPUT), SessionStatus.RUNNING);
        }
    }

    /**
     * hld's lookup: with a tool use id, {@code run_id} carries the session id (agentd also accepts a real run
     * id there); without one, it is the run id.
     */
    private SessionRow session(Tx tx, NewApproval request) throws SQLException {
        boolean withToolUse = request.toolUseId() != null;
        Optional<SessionRow> found = withToolUse ? sessions.find(tx.connection(), request.runId()) : Optional.empty();
        if (found.isEmpty()) {
            found = sessions.findByRunId(tx.connection(), request.runId());
        }
        return found.orElseThrow(() -> AgentdException.notFound(withToolUse
                ? "failed to create approval with tool use ID: failed to get session: session not found: " + request.runId()
                : "failed to create approval: session not found for run_id: " + request.runId()));
    }

    /** Links the tool_call if it is already stored; otherwise the ingestor links it when it arrives. */
    private void link(Tx tx, ApprovalRow row) throws SQLException {
        String status = row.status().toolCallStatus();
        if (row.toolUseId() != null) {
            resolver.conversation().linkApproval(tx.connection(), row.sessionId(), row.toolUseId(), row.id(), status);
        } else {
            resolver.conversation().linkLatestApproval(tx.connection(), row.sessionId(), row.toolName(), row.id(), status);
        }
    }
}
