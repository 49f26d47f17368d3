package io.agentd.store.conversation;

import io.agentd.store.jdbc.Sql;

import java.util.Arrays;
import java.util.Locale;

/** Kinds of conversation event, with hld's wire names. */
public enum EventType implements Sql.DbValue {
    MESSAGE, TOOL_CALL, TOOL_RESULT, SYSTEM, THINKING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String dbValue() {
        return wireName();
    }

    public static EventType fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown conversation event type: " + value));
    }
}
