package io.agentd.daemon.approval;

import io.agentd.daemon.approval.rules.NewRule;
import io.agentd.daemon.approval.rules.PermissionRule;
import io.agentd.daemon.approval.rules.RememberedRule;
import io.agentd.daemon.approval.rules.RuleService;
import io.agentd.daemon.approval.rules.RuleVerdict;
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

import java.nio.file.Path;
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
    private final RuleService rules;

    /** What Claude asked permission for; {@code toolUseId} null for hld's legacy path (session by run id). */
    public record NewApproval(String runId, String toolName, String toolInputJson, String toolUseId) {
        public NewApproval {
            requireNonNull(runId, "runId is null");
            requireNonNull(toolName, "toolName is null");
            requireNonNull(toolInputJson, "toolInputJson is null");
        }
    }

    /**
     * The answer to a decision: {@code error} says why it was not recorded.
     *
     * @param rememberedRule the rule "approve and remember" created, or null
     */
    public record DecisionOutcome(boolean success, String error, PermissionRule rememberedRule) {
        /** An outcome that remembered nothing. */
        public DecisionOutcome(boolean success, String error) {
            this(success, error, null);
        }

        static DecisionOutcome refused(String error) {
            return new DecisionOutcome(false, error, null);
        }
    }

    /**
     * "Approve and remember": a rule to create with the decision.
     *
     * @param scope {@code session}, {@code project} (the session's working directory) or {@code global}
     * @param rule  the rule; null derives one from the approval ({@link RememberedRule})
     */
    public record Remember(String scope, String rule) {
    }

    /** Without permission rules (no rule decides). */
    public ApprovalService(Database database, SessionTransitions transitions, BypassExpiry bypass, ApprovalEvents events,
                           Clock clock) {
        this(database, transitions, bypass, events, clock, null);
    }

    /** With permission rules, evaluated before any person is asked; {@code rules} null for none. */
    public ApprovalService(Database database, SessionTransitions transitions, BypassExpiry bypass, ApprovalEvents events,
                           Clock clock, RuleService rules) {
        this.rules = rules;
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
            RuleVerdict verdict = rules == null || session.status().isTerminal()
                    ? RuleVerdict.none("no rules")
                    : rules.verdict(session, request.toolName(), request.toolInputJson());
            Optional<PermissionPolicy.Decision> auto = bypass.policy().decide(session, request.toolName(), verdict);
            ApprovalRow row = ApprovalRow.pending("local-" + UUID.randomUUID(), session.runId(), session.id(),
                    resolver.clock().instant(), request.toolName(), request.toolInputJson(), request.toolUseId());
            resolver.approvals().insert(tx.connection(), row);
            resolver.events().created(tx, row);
            link(tx, row);
            if (auto.isPresent()) {
                PermissionPolicy.Decision d = auto.get();
                return resolver.resolve(tx, row.id(), d.status(), d.comment(), d.decidedBy(), d.ruleId()).orElseThrow();
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
        return decide(approvalId, approve, comment, null);
    }

    /**
     * A person's decision, and with {@code remember} (null for none) a rule made from it in the same
     * transaction: an allow rule for an approval, a deny rule (with the comment) for a denial. A bad rule
     * refuses the whole decision, so nothing is half done.
     */
    public DecisionOutcome decide(String approvalId, boolean approve, String comment, Remember remember) {
        if (remember != null && rules == null) {
            throw AgentdException.invalidParams("remember needs permission rules, which this daemon has not");
        }
        return database.write(tx -> {
            Optional<ApprovalRow> current = resolver.approvals().find(tx.connection(), approvalId);
            if (current.isEmpty()) {
                return DecisionOutcome.refused("failed to get approval: approval not found: " + approvalId);
            }
            Optional<ApprovalRow> decided = resolver.resolve(tx, approvalId,
                    approve ? ApprovalStatus.APPROVED : ApprovalStatus.DENIED, comment, DecidedBy.HUMAN);
            if (decided.isEmpty()) {
                return DecisionOutcome.refused("failed to update approval: approval " + approvalId
                        + " already decided with status: " + current.get().status().wireName());
            }
            PermissionRule remembered = remember == null ? null : remember(tx, decided.get(), approve, comment, remember);
            resumeIfNothingPending(tx, current.get().sessionId());
            return new DecisionOutcome(true, null, remembered);
        });
    }

    private PermissionRule remember(Tx tx, ApprovalRow approval, boolean approve, String comment, Remember remember)
            throws SQLException {
        SessionRow session = sessions.find(tx.connection(), approval.sessionId()).orElseThrow();
        Path wd = session.workingDir() == null || session.workingDir().isBlank()
                ? Path.of("").toAbsolutePath() : Path.of(session.workingDir()).toAbsolutePath().normalize();
        String scope = remember.scope() == null ? "session" : remember.scope();
        String rule = remember.rule() != null && !remember.rule().isBlank() ? remember.rule()
                : RememberedRule.derive(approval.toolName(), approval.toolInputJson(), wd);
        return rules.insert(tx, new NewRule(rule, approve ? "allow" : "deny", scope,
                scope.equals("project") ? wd.toString() : null, scope.equals("session") ? session.id() : null,
                comment, null, "remember:" + approval.id()));
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
