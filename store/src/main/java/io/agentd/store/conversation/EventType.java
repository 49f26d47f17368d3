package io.agentd.store.conversation;

import io.agentd.store.jdbc.Sql;

import java.util.Locale;

/** Kinds of conversation event, with hld's wire names. */
public enum EventType implements Sql.DbValue {
    MESSAGE, TOOL_CALL, TOOL_RESULT, SYSTEM, THINKING;

    private static final EventType[] VALUES = values();

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    @Override
    public String dbValue() {
        return wireName();
    }

    public static EventType fromWire(String value) {
        // A loop, not a stream: called for every row read.
        for (EventType t : VALUES) {
            if (t.wireName().equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown conversation event type: " + value);
    }
}
