package io.agentd.daemon.session.api;

import io.agentd.store.session.SessionRow;

/**
 * Told about user edits of a session once they are committed, so they can be published (hld sends
 * {@code session_status_changed {session_id, title}} for a title; nothing for archiving, which agentd may
 * add). Called on the store's writer thread, in commit order: implementations must return quickly and
 * never block on a subscriber.
 */
public interface SessionChangeListener {
    /** A listener that ignores every change, for wiring without an event bus. */
    SessionChangeListener NONE = new SessionChangeListener() {
        @Override
        public void titleChanged(SessionRow session) {
        }

        @Override
        public void archivedChanged(SessionRow session) {
        }
    };

    /**
     * The session's title was set.
     *
     * @param session the session as committed
     */
    void titleChanged(SessionRow session);

    /**
     * The session's archived flag was set (also when it already had that value).
     *
     * @param session the session as committed
     */
    void archivedChanged(SessionRow session);
}
