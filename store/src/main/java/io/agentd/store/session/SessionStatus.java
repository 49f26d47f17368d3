package io.agentd.store.session;

import io.agentd.store.jdbc.Sql;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Session statuses, with hld's wire names. */
public enum SessionStatus implements Sql.DbValue {
    DRAFT, STARTING, RUNNING, WAITING_INPUT, INTERRUPTING, INTERRUPTED, COMPLETED, FAILED, DISCARDED;

    /** Statuses in which a Claude process may be alive. */
    public static final Set<SessionStatus> ACTIVE = EnumSet.of(STARTING, RUNNING, WAITING_INPUT, INTERRUPTING);
    /** Statuses a session never leaves by itself. */
    public static final Set<SessionStatus> TERMINAL = EnumSet.of(COMPLETED, FAILED, INTERRUPTED);

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String dbValue() {
        return wireName();
    }

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    public static SessionStatus fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown session status: " + value));
    }
}
