package io.agentd.daemon.session.stream;

/** Kind of a conversation row; {@link #wireName()} is the {@code event_type} hld stores and sends. */
public enum EntryType {
    MESSAGE("message"),
    TOOL_CALL("tool_call"),
    TOOL_RESULT("tool_result"),
    THINKING("thinking"),
    SYSTEM("system");

    private final String wireName;

    EntryType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
