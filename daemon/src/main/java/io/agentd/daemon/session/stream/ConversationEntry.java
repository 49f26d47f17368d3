package io.agentd.daemon.session.stream;

import static java.util.Objects.requireNonNull;

/**
 * One conversation row as hld stores it per content block. Fields a kind does not use are
 * {@code ""} (hld stores Go's empty strings, not NULL). {@code toolResultIsError} is not a column in
 * hld; it is kept for callers that want to skip snapshots or flag failed tools.
 */
public record ConversationEntry(
        EntryType type,
        String role,
        String content,
        String toolId,
        String toolName,
        String toolInputJson,
        String toolResultForId,
        String toolResultContent,
        boolean toolResultIsError,
        String parentToolUseId) {

    public ConversationEntry {
        requireNonNull(type, "type is null");
        requireNonNull(role, "role is null");
        requireNonNull(content, "content is null");
        requireNonNull(toolId, "toolId is null");
        requireNonNull(toolName, "toolName is null");
        requireNonNull(toolInputJson, "toolInputJson is null");
        requireNonNull(toolResultForId, "toolResultForId is null");
        requireNonNull(toolResultContent, "toolResultContent is null");
        requireNonNull(parentToolUseId, "parentToolUseId is null");
    }

    /** The user's query, stored as the first row of a session before any Claude output. */
    public static ConversationEntry userQuery(String query) {
        return message(EntryType.MESSAGE, "user", query, "");
    }

    static ConversationEntry message(EntryType type, String role, String content, String parentToolUseId) {
        return new ConversationEntry(type, role, content, "", "", "", "", "", false, parentToolUseId);
    }

    static ConversationEntry toolCall(String toolId, String toolName, String toolInputJson, String parentToolUseId) {
        // hld leaves the role of tool calls empty.
        return new ConversationEntry(EntryType.TOOL_CALL, "", "", toolId, toolName, toolInputJson, "", "", false,
                parentToolUseId);
    }

    static ConversationEntry toolResult(String forId, String content, boolean isError, String parentToolUseId) {
        return new ConversationEntry(EntryType.TOOL_RESULT, "user", "", "", "", "", forId, content, isError,
                parentToolUseId);
    }
}
