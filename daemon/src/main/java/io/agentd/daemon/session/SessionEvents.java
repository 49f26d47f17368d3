package io.agentd.daemon.session;

import io.agentd.store.Tx;
import io.agentd.store.conversation.ConversationEventRow;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.session.TokenCounts;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Every persisted change to a session, told inside the transaction that makes it, so a publisher can
 * record the event in that same transaction (and publish it only once it commits).
 */
public interface SessionEvents {
    /** A status transition; {@code session} is the row after the change. */
    void statusChanged(Tx tx, SessionRow session, SessionStatus from, SessionStatus to) throws SQLException;

    /** Conversation events were stored, in this order. */
    void conversationAppended(Tx tx, String runId, List<ConversationEventRow> events) throws SQLException;

    /**
     * Token counts of the latest root assistant message changed. The ingestor tells this once per
     * transaction, with the last counts it stored, however many assistant messages the transaction held.
     *
     * @param status the session's status (unchanged by the update)
     * @param tokens the counts as stored
     */
    void tokensUpdated(Tx tx, String sessionId, String runId, SessionStatus status, TokenCounts tokens)
            throws SQLException;

    /** The title was set. */
    void titleChanged(Tx tx, SessionRow session) throws SQLException;

    /** The archived flag was set. */
    void archivedChanged(Tx tx, SessionRow session) throws SQLException;

    /** Approval settings changed, by a user ({@code reason} null) or by expiry ({@code reason} "expired"). */
    void settingsChanged(Tx tx, SessionRow session, SettingsChange change) throws SQLException;

    /**
     * What a settings change touched; null fields were not part of it.
     *
     * @param expiredAt when an expired bypass ran out (reason "expired" only)
     */
    record SettingsChange(Boolean autoAcceptEdits, Boolean dangerouslySkipPermissions, Long bypassTimeoutMs, String reason,
                          Instant expiredAt) {
        /** The bypass of a session ran out at {@code expiredAt} and was switched off. */
        public static SettingsChange bypassExpired(Instant expiredAt) {
            return new SettingsChange(null, false, null, "expired", expiredAt);
        }
    }

    /** Nothing listens (tests, or tools that only read). */
    SessionEvents NONE = new SessionEvents() {
        @Override
        public void statusChanged(Tx tx, SessionRow session, SessionStatus from, SessionStatus to) {
        }

        @Override
        public void conversationAppended(Tx tx, String runId, List<ConversationEventRow> events) {
        }

        @Override
        public void tokensUpdated(Tx tx, String sessionId, String runId, SessionStatus status, TokenCounts tokens) {
        }

        @Override
        public void titleChanged(Tx tx, SessionRow session) {
        }

        @Override
        public void archivedChanged(Tx tx, SessionRow session) {
        }

        @Override
        public void settingsChanged(Tx tx, SessionRow session, SettingsChange change) {
        }
    };
}
