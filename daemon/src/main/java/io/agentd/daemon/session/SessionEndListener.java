package io.agentd.daemon.session;

import io.agentd.store.Tx;
import io.agentd.store.session.SessionRow;

import java.sql.SQLException;

/** Hears, inside the transaction that ends it, that a session became terminal (e.g. to expire its approvals). */
@FunctionalInterface
public interface SessionEndListener {
    /** {@code session} is the row after the change. */
    void sessionEnded(Tx tx, SessionRow session) throws SQLException;

    SessionEndListener NONE = (tx, session) -> {
    };
}
