package io.agentd.daemon.session;

import io.agentd.store.conversation.ConversationEventRow;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;

/**
 * Everything about sessions that changed in the store, told after the change committed and in commit
 * order. The event bus implements this to publish; every persisted change passes through here.
 */
public interface SessionEvents {
    /** A status transition; {@code session} is the row after the change. */
    void statusChanged(SessionRow session, SessionStatus from, SessionStatus to);

    /** A conversation event was stored. */
    void conversationAppended(String runId, ConversationEventRow event);

    /** Token counts of the latest root assistant message changed. */
    void tokensUpdated(SessionRow session);

    /** Nothing listens (tests, or before the bus exists). */
    SessionEvents NONE = new SessionEvents() {
        @Override
        public void statusChanged(SessionRow session, SessionStatus from, SessionStatus to) {
        }

        @Override
        public void conversationAppended(String runId, ConversationEventRow event) {
        }

        @Override
        public void tokensUpdated(SessionRow session) {
        }
    };
}
