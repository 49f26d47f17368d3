package io.agentd.daemon.approval;

import java.util.Locale;

/** The rule that decided an approval, stored in {@code approvals.decided_by} and shown as {@code decided_by}. */
public enum DecidedBy {
    /** A person, through {@code sendDecision}. */
    HUMAN,
    /** A permission rule (agentd); the approval's {@code rule_id} names it. */
    RULE,
    /** {@code auto_accept_edits} was on and the tool edits files. */
    AUTO_ACCEPT_EDITS,
    /** {@code dangerously_skip_permissions} was on when Claude asked. */
    DANGEROUSLY_SKIP_PERMISSIONS,
    /** Bypass was turned on while the approval was pending. */
    BYPASS_ENABLED,
    /** The session ended before anyone decided. */
    SESSION_ENDED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
