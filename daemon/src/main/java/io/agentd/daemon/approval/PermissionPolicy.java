package io.agentd.daemon.approval;

import io.agentd.daemon.approval.rules.PermissionRule;
import io.agentd.daemon.approval.rules.RuleDecision;
import io.agentd.daemon.approval.rules.RuleVerdict;
import io.agentd.daemon.error.AgentdException;
import io.agentd.store.approval.ApprovalStatus;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionRow;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Every rule about a session's permissions, in one place: what a launch, a settings update and a
 * continuation store, when a bypass has run out, and how a new approval is decided without a person.
 * Everything that needs one of these answers asks this object, so the rules cannot drift apart.
 *
 * <p>A bypass ({@code dangerously_skip_permissions}) with an expiry time is expired from that instant on:
 * a bypass that expires now no longer counts. The store's query for expired bypasses uses the same
 * {@code <=} (see {@code SessionRepository.withExpiredBypass}).
 */
public final class PermissionPolicy {
    /** The tools auto-accept mode approves: the ones that only edit files. */
    static final Set<String> EDIT_TOOLS = Set.of("Edit", "Write", "MultiEdit", "NotebookEdit");
    static final String BYPASS_COMMENT = "Auto-accepted (dangerous skip permissions enabled)";
    static final String AUTO_ACCEPT_COMMENT = "Auto-accepted (auto-accept mode enabled)";
    static final String SESSION_ENDED_COMMENT = "session ended before a decision";
    static final String DENY_RULE_COMMENT = "Denied by rule";
    static final String ALLOW_RULE_COMMENT = "Allowed by rule";
    private static final RuleVerdict NO_RULE = RuleVerdict.none("no rules");

    /**
     * The longest bypass timeout accepted: a year. Beyond it the expiry instant could overflow, and no
     * client means a bypass that long; 0 (or none) means a bypass until it is switched off.
     */
    public static final long MAX_BYPASS_TIMEOUT_MS = 365L * 24 * 60 * 60 * 1000;

    private final Clock clock;

    public PermissionPolicy(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * A decision made without a person.
     *
     * @param comment the reason, sent as {@code response_text}
     */
    public record Decision(ApprovalStatus status, String comment, DecidedBy decidedBy, String ruleId) {
        public Decision {
            requireNonNull(status, "status is null");
            requireNonNull(comment, "comment is null");
            requireNonNull(decidedBy, "decidedBy is null");
            if ((decidedBy == DecidedBy.RULE) != (ruleId != null)) {
                throw new IllegalArgumentException("a rule's decision names its rule, and only a rule's");
            }
        }

        /** A decision of a session switch or an expiry, not of a rule. */
        public Decision(ApprovalStatus status, String comment, DecidedBy decidedBy) {
            this(status, comment, decidedBy, null);
        }

        /** The decision {@code rule} made. */
        static Decision byRule(ApprovalStatus status, PermissionRule rule, String comment) {
            return new Decision(status, comment, DecidedBy.RULE, rule.id());
        }
    }

    /**
     * What a settings update stores.
     *
     * @param settings the session's settings after the update
     * @param bypassSwitchedOn the update turned bypass on, which approves what the session waits for
     */
    public record SettingsOutcome(PermissionSettings settings, boolean bypassSwitchedOn) {
        public SettingsOutcome {
            requireNonNull(settings, "settings is null");
        }
    }

    /** The current time, as this policy sees it. */
    public Instant now() {
        return clock.instant();
    }

    /** The bypass is on and has an expiry time that is now or past. */
    public boolean bypassExpired(PermissionSettings p) {
        return p.dangerouslySkipPermissions() && p.bypassExpiresAt() != null && !p.bypassExpiresAt().isAfter(now());
    }

    /** The bypass is on and has not expired. */
    public boolean bypassActive(PermissionSettings p) {
        return p.dangerouslySkipPermissions() && !bypassExpired(p);
    }

    /**
     * A new session's settings. A timeout counts only with bypass on and when positive; otherwise the
     * bypass (if on) never expires.
     *
     * @throws AgentdException (invalid params) for a timeout outside {@link #checkTimeout}'s bounds
     */
    public PermissionSettings atLaunch(boolean autoAcceptEdits, boolean bypass, Long bypassTimeoutMs) {
        checkTimeout(bypassTimeoutMs);
        Long timeout = bypass ? positive(bypassTimeoutMs) : null;
        return new PermissionSettings(autoAcceptEdits, bypass, expiry(timeout), timeout);
    }

    /**
     * A settings update; absent ({@code null}) fields are left as they are. Setting bypass (on or off)
     * replaces its expiry: a positive timeout counts from now, none means it never expires.
     */
    public SettingsOutcome update(PermissionSettings current, Boolean autoAcceptEdits, Boolean bypass,
                                  Long bypassTimeoutMs) {
        checkTimeout(bypassTimeoutMs);
        boolean autoAccept = autoAcceptEdits != null ? autoAcceptEdits : current.autoAcceptEdits();
        if (bypass == null) {
            return new SettingsOutcome(new PermissionSettings(autoAccept, current.dangerouslySkipPermissions(),
                    current.bypassExpiresAt(), current.bypassTimeoutMs()), false);
        }
        Long timeout = bypass ? positive(bypassTimeoutMs) : null;
        return new SettingsOutcome(new PermissionSettings(autoAccept, bypass, expiry(timeout), timeout), bypass);
    }

    /** What a continued session inherits from its parent: the parent's settings, minus a bypass that ran out. */
    public PermissionSettings inherited(PermissionSettings parent) {
        return bypassExpired(parent) ? parent.withoutBypass() : parent;
    }

    /**
     * hld's rules for a new approval, in order, with agentd's first: a session that has already ended gets an
     * expired approval, since nobody could act on its answer; bypass on (and not expired) approves
     * everything; auto-accept approves file edits; anything else waits for a person (empty).
     */
    public Optional<Decision> decide(SessionRow session, String toolName) {
        return decide(session, toolName, NO_RULE);
    }

    /**
     * The decision of a new approval, given what the permission rules say ({@code rules}), in this order
     * (docs/approvals.md): a session that has ended gets an expired approval; a deny rule denies, with its
     * comment (what Claude is told); bypass approves; an ask rule leaves it to a person, whatever a switch
     * says; an allow rule approves; auto-accept approves file edits; anything else waits for a person.
     */
    public Optional<Decision> decide(SessionRow session, String toolName, RuleVerdict rules) {
        if (session.status().isTerminal()) {
            return Optional.of(sessionEnded());
        }
        Optional<RuleDecision> byRule = rules.decision();
        if (byRule.isPresent() && byRule.get() == RuleDecision.DENY) {
            PermissionRule rule = rules.rule().orElseThrow();
            return Optional.of(Decision.byRule(ApprovalStatus.DENIED, rule,
                    rule.comment().orElse(DENY_RULE_COMMENT + " " + rule.spec().text())));
        }
        PermissionSettings p = session.permissions();
        if (bypassActive(p)) {
            return Optional.of(new Decision(ApprovalStatus.APPROVED, BYPASS_COMMENT, DecidedBy.DANGEROUSLY_SKIP_PERMISSIONS));
        }
        if (byRule.isPresent() && byRule.get() == RuleDecision.ASK) {
            return Optional.empty();
        }
        if (byRule.isPresent() && byRule.get() == RuleDecision.ALLOW) {
            PermissionRule rule = rules.rule().orElseThrow();
            return Optional.of(Decision.byRule(ApprovalStatus.APPROVED, rule,
                    rule.comment().orElse(ALLOW_RULE_COMMENT + " " + rule.spec().text())));
        }
        if (p.autoAcceptEdits() && EDIT_TOOLS.contains(toolName)) {
            return Optional.of(new Decision(ApprovalStatus.APPROVED, AUTO_ACCEPT_COMMENT, DecidedBy.AUTO_ACCEPT_EDITS));
        }
        return Optional.empty();
    }

    /** The decision for an approval still pending when its session ends. */
    public Decision sessionEnded() {
        return new Decision(ApprovalStatus.EXPIRED, SESSION_ENDED_COMMENT, DecidedBy.SESSION_ENDED);
    }

    /**
     * A negative timeout once meant "never expires" by accident, and a huge one overflowed the expiry
     * instant: both are refused (-32602) before anything is stored.
     */
    public static void checkTimeout(Long ms) {
        if (ms != null && (ms < 0 || ms > MAX_BYPASS_TIMEOUT_MS)) {
            throw AgentdException.invalidParams("dangerously_skip_permissions_timeout must be between 0 and "
                    + MAX_BYPASS_TIMEOUT_MS + " ms (0 or absent: until switched off), got " + ms);
        }
    }

    private Instant expiry(Long timeoutMs) {
        return timeoutMs == null ? null : now().plusMillis(timeoutMs);
    }

    private static Long positive(Long ms) {
        return ms != null && ms > 0 ? ms : null;
    }
}
