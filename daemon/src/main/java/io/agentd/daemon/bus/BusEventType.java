package io.agentd.daemon.bus;

import java.util.Locale;

/** The event types on the bus, with hld's wire names. */
public enum BusEventType {
    NEW_APPROVAL, APPROVAL_RESOLVED, SESSION_STATUS_CHANGED, CONVERSATION_UPDATED, SESSION_SETTINGS_CHANGED, RULE_CHANGED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
