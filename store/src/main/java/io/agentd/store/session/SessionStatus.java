package io.agentd.store.session;

import io.agentd.store.jdbc.Sql;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Session statuses as the store keeps them: one constant per status of the protocol's
 * {@link io.agentd.protocol.session.SessionStatus}, with the same wire names, which are also the column values.
 * Which statuses are terminal or active is the protocol's to say.
 */
public enum SessionStatus implements Sql.DbValue {
    DRAFT, STARTING, RUNNING, WAITING_INPUT, INTERRUPTING, INTERRUPTED, COMPLETED, FAILED, DISCARDED;

    private static final SessionStatus[] VALUES = values();

    private final io.agentd.protocol.session.SessionStatus wire =
            io.agentd.protocol.session.SessionStatus.valueOf(name());

    /** Statuses in which a Claude process may be alive. */
    public static final Set<SessionStatus> ACTIVE = where(true);
    /** Statuses a session never leaves by itself. */
    public static final Set<SessionStatus> TERMINAL = where(false);

    private static Set<SessionStatus> where(boolean active) {
        Set<SessionStatus> set = EnumSet.noneOf(SessionStatus.class);
        for (SessionStatus s : VALUES) {
            if (active ? s.wire.isActive() : s.wire.isTerminal()) {
                set.add(s);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    /** The status on the wire. */
    public io.agentd.protocol.session.SessionStatus wire() {
        return wire;
    }

    public String wireName() {
        return wire.wireName();
    }

    @Override
    public String dbValue() {
        return wireName();
    }

    public boolean isTerminal() {
        return wire.isTerminal();
    }

    public static SessionStatus fromWire(String value) {
        // A loop, not a stream: called for every row read.
        for (SessionStatus s : VALUES) {
            if (s.wireName().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown session status: " + value);
    }
}
