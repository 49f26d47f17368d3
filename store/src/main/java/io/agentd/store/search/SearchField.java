package io.agentd.store.search;

import java.util.Locale;

/** Which part of a session a search hit matched. */
public enum SearchField {
    /** The session's title. */
    TITLE,
    /** The query the session was launched with. */
    QUERY,
    /** The session's summary. */
    SUMMARY,
    /** The text of a conversation message (or thinking). */
    MESSAGE,
    /** The name of a tool the conversation called. */
    TOOL,
    /** The file path a tool call worked on ({@code file_path}, {@code notebook_path} or {@code path}). */
    PATH,
    /** What a tool call returned. */
    RESULT;

    /** The lower-case name clients see. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
