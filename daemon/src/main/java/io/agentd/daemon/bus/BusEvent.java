package io.agentd.daemon.bus;

import io.agentd.store.approval.ApprovalStatus;
import io.agentd.store.conversation.ConversationEventRow;
import io.agentd.store.session.SessionStatus;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A change the bus publishes, one record per kind. Publishers build these; {@link EventPayloads} turns each
 * into its stored and wire {@code data} object (hld's payloads), once, when {@link EventLog} records it.
 * Several kinds share one wire {@link #type()}: hld announces token counts, titles and archiving as
 * {@code session_status_changed}. Nullable components are left out of the payload.
 */
public sealed interface BusEvent {
    /** The wire type this kind is published as. */
    BusEventType type();

    String sessionId();

    String runId();

    /**
     * A status transition.
     *
     * @param parentSessionId the session this one continues; only when it leaves {@code starting}, else null
     * @param error why it failed; only on a transition to {@code failed}, else null
     */
    record StatusChanged(String sessionId, String runId, SessionStatus from, SessionStatus to, String parentSessionId,
                         String error) implements BusEvent {
        public StatusChanged {
            requireNonNull(sessionId, "sessionId is null");
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }

        @Override
        public BusEventType type() {
            return BusEventType.SESSION_STATUS_CHANGED;
        }
    }

    /**
     * New token counts of a session's latest root assistant message; its status did not change. Null counts
     * have not been reported.
     */
    record TokensUpdated(String sessionId, String runId, SessionStatus status, Long inputTokens, Long outputTokens,
                         Long effectiveContextTokens) implements BusEvent {
        public TokensUpdated {
            requireNonNull(sessionId, "sessionId is null");
            requireNonNull(status, "status is null");
        }

        @Override
        public BusEventType type() {
            return BusEventType.SESSION_STATUS_CHANGED;
        }
    }

    /** The title of a session was set. */
    record TitleChanged(String sessionId, String runId, String title) implements BusEvent {
        public TitleChanged {
            requireNonNull(sessionId, "sessionId is null");
        }

        @Override
        public BusEventType type() {
            return BusEventType.SESSION_STATUS_CHANGED;
        }
    }

    /** The archived flag of a session was set. */
    record ArchivedChanged(String sessionId, String runId, boolean archived) implements BusEvent {
        public ArchivedChanged {
            requireNonNull(sessionId, "sessionId is null");
        }

        @Override
        public BusEventType type() {
            return BusEventType.SESSION_STATUS_CHANGED;
        }
    }

    /** A conversation row of a session was stored. */
    record ConversationUpdated(String runId, ConversationEventRow entry) implements BusEvent {
        public ConversationUpdated {
            requireNonNull(entry, "entry is null");
        }

        @Override
        public String sessionId() {
            return entry.sessionId();
        }

        @Override
        public BusEventType type() {
            return BusEventType.CONVERSATION_UPDATED;
        }
    }

    /**
     * Approval settings of a session changed. Null settings were not part of the change.
     *
     * @param reason null for a change a user asked for, {@code "expired"} when a bypass ran out
     * @param expiredAt when an expired bypass ran out; null otherwise
     */
    record SettingsChanged(String sessionId, String runId, String reason, Boolean autoAcceptEdits,
                           Boolean dangerouslySkipPermissions, Long bypassTimeoutMs, Instant expiredAt)
            implements BusEvent {
        public SettingsChanged {
            requireNonNull(sessionId, "sessionId is null");
        }

        /** The settings a user changed ({@code updateSessionSettings}). */
        public static SettingsChanged byUser(String sessionId, String runId, Boolean autoAcceptEdits,
                                             Boolean dangerouslySkipPermissions, Long bypassTimeoutMs) {
            return new SettingsChanged(sessionId, runId, null, autoAcceptEdits, dangerouslySkipPermissions, bypassTimeoutMs,
                    null);
        }

        /** The bypass of a session ran out at {@code expiredAt} and was switched off. */
        public static SettingsChanged bypassExpired(String sessionId, String runId, Instant expiredAt) {
            return new SettingsChanged(sessionId, runId, "expired", null, false, null,
                    requireNonNull(expiredAt, "expiredAt is null"));
        }

        @Override
        public BusEventType type() {
            return BusEventType.SESSION_SETTINGS_CHANGED;
        }
    }

    /** An approval was stored, whatever its status. */
    record NewApproval(String approvalId, String sessionId, String runId, String toolName) implements BusEvent {
        public NewApproval {
            requireNonNull(approvalId, "approvalId is null");
            requireNonNull(sessionId, "sessionId is null");
            requireNonNull(toolName, "toolName is null");
        }

        @Override
        public BusEventType type() {
            return BusEventType.NEW_APPROVAL;
        }
    }

    /**
     * An approval was decided, by a person or a rule, or expired.
     *
     * @param comment the decision's comment; null for none
     * @param toolUseId the tool call it answers, when known; else null
     * @param decidedBy what decided ({@code human}, {@code rule}, ...); null when unknown
     * @param ruleId the permission rule that decided, when {@code decidedBy} is {@code rule}; else null
     */
    record ApprovalResolved(String approvalId, String sessionId, String runId, ApprovalStatus status, String comment,
                            String toolUseId, String decidedBy, String ruleId) implements BusEvent {
        public ApprovalResolved {
            requireNonNull(approvalId, "approvalId is null");
            requireNonNull(sessionId, "sessionId is null");
            requireNonNull(status, "status is null");
        }

        /** Whether the tool may run (hld's {@code approved}). */
        public boolean approved() {
            return status == ApprovalStatus.APPROVED;
        }

        @Override
        public BusEventType type() {
            return BusEventType.APPROVAL_RESOLVED;
        }
    }

    /**
     * A permission rule was created or deleted (agentd). Rules are not a session's: {@code sessionId} is the
     * session of a session-scoped rule, else null, and {@code runId} is always null.
     *
     * @param change {@code created} or {@code deleted}
     * @param rule   the rule's wire fields (id, rule, decision, scope, ...)
     */
    record RuleChanged(String change, String sessionId, Map<String, Object> rule) implements BusEvent {
        public RuleChanged {
            requireNonNull(change, "change is null");
            rule = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(rule, "rule is null")));
        }

        @Override
        public String runId() {
            return null;
        }

        @Override
        public BusEventType type() {
            return BusEventType.RULE_CHANGED;
        }
    }
}
