package io.agentd.store.session;

import io.agentd.store.jdbc.Sql;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Session statuses, with hld's wire names. */
public enum SessionStatus implements Sql.DbValue {
    DRAFT, STARTING, RUNNING, WAITING_INPUT, INTERRUPTING, INTERRUPTED, COMPLETED, FAILED, DISCARDED;

    private static final SessionStatus[] VALUES = values();

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** Statuses in which a Claude process may be alive. */
    public static final Set<SessionStatus> ACTIVE = EnumSet.of(STARTING, RUNNING, WAITING_INPUT, INTERRUPTING);
    /** Statuses a session never leaves by itself. */
    public static final Set<SessionStatus> TERMINAL = EnumSet.of(COMPLETED, FAILED, INTERRUPTED);

    public String wireName() {
        return wireName;
    }

    @Override
    public String dbValue() {
        return wireName();
    }

    public boolean isTerminal() {
        return TERMINAL.contains(this);
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
