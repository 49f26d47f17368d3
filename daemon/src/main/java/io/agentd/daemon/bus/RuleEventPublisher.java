package io.agentd.daemon.bus;

import io.agentd.daemon.approval.rules.PermissionRule;
import io.agentd.daemon.approval.rules.RuleEvents;
import io.agentd.daemon.approval.rules.RuleRows;
import io.agentd.daemon.approval.rules.RuleScope;
import io.agentd.store.Tx;

import java.sql.SQLException;

import static java.util.Objects.requireNonNull;

/** Turns rule changes into agentd's {@code rule_changed} events. */
public final class RuleEventPublisher implements RuleEvents {
    private final EventLog log;

    public RuleEventPublisher(EventLog log) {
        this.log = requireNonNull(log, "log is null");
    }

    @Override
    public void created(Tx tx, PermissionRule rule) throws SQLException {
        publish(tx, "created", rule);
    }

    @Override
    public void deleted(Tx tx, PermissionRule rule) throws SQLException {
        publish(tx, "deleted", rule);
    }

    private void publish(Tx tx, String change, PermissionRule rule) throws SQLException {
        String session = rule.scope() instanceof RuleScope.Session s ? s.sessionId() : null;
        log.publish(tx, new BusEvent.RuleChanged(change, session, RuleRows.wire(rule)));
    }
}
