package io.agentd.daemon.approval.rules;

import io.agentd.store.Tx;

import java.sql.SQLException;

/** Rule changes, told inside the transaction that makes them (published after it commits). */
public interface RuleEvents {
    /** A rule was stored. */
    void created(Tx tx, PermissionRule rule) throws SQLException;

    /** A rule was deleted. */
    void deleted(Tx tx, PermissionRule rule) throws SQLException;

    /** Nothing listens. */
    RuleEvents NONE = new RuleEvents() {
        @Override
        public void created(Tx tx, PermissionRule rule) {
        }

        @Override
        public void deleted(Tx tx, PermissionRule rule) {
        }
    };
}
