package io.agentd.daemon.approval;

import io.agentd.store.approval.ApprovalStatus;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionRow;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * hld's rules for a new approval, in order: bypass on (and not expired) approves everything; auto-accept
 * approves file edits; anything else waits for a person. agentd adds one: a session that has already ended
 * gets an expired approval, since nobody could act on its answer.
 */
public final class ApprovalRules {
    /** The tools auto-accept mode approves: the ones that only edit files. */
    static final Set<String> EDIT_TOOLS = Set.of("Edit", "Write", "MultiEdit", "NotebookEdit");
    static final String BYPASS_COMMENT = "Auto-accepted (dangerous skip permissions enabled)";
    static final String AUTO_ACCEPT_COMMENT = "Auto-accepted (auto-accept mode enabled)";
    static final String SESSION_ENDED_COMMENT = "session ended before a decision";

    private ApprovalRules() {
    }

    /**
     * A decision made without a person.
     *
     * @param comment the reason, sent as {@code response_text}
     */
    public record Decision(ApprovalStatus status, String comment, DecidedBy decidedBy) {
    }

    /**
     * The automatic decision for a new approval, or empty when it waits for a person. An expired bypass
     * must have been switched off before (see {@link BypassExpiry}); here it simply does not count.
     */
    public static Optional<Decision> decide(SessionRow session, String toolName, Instant now) {
        if (session.status().isTerminal()) {
            return Optional.of(new Decision(ApprovalStatus.EXPIRED, SESSION_ENDED_COMMENT, DecidedBy.SESSION_ENDED));
        }
        PermissionSettings p = session.permissions();
        if (p.dangerouslySkipPermissions() && !BypassExpiry.isExpired(p, now)) {
            return Optional.of(new Decision(ApprovalStatus.APPROVED, BYPASS_COMMENT, DecidedBy.DANGEROUSLY_SKIP_PERMISSIONS));
        }
        if (p.autoAcceptEdits() && EDIT_TOOLS.contains(toolName)) {
            return Optional.of(new Decision(ApprovalStatus.APPROVED, AUTO_ACCEPT_COMMENT, DecidedBy.AUTO_ACCEPT_EDITS));
        }
        return Optional.empty();
    }
}
