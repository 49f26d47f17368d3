package io.agentd.daemon.session;

import io.agentd.store.Tx;

import java.sql.SQLException;

/** Hears, inside the transaction that does it, that a user turned a session's bypass permission on. */
@FunctionalInterface
public interface BypassEnabledListener {
    void bypassEnabled(Tx tx, String sessionId) throws SQLException;

    BypassEnabledListener NONE = (tx, sessionId) -> {
    };
}
