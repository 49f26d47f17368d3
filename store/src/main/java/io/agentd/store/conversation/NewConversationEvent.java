package io.agentd.store.conversation;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** A conversation event to append; the store assigns its id and per-session sequence. */
public record NewConversationEvent(
        String sessionId,
        String claudeSessionId,
        EventType eventType,
        Instant createdAt,
        String role,
        String content,
        String toolId,
        String toolName,
        String toolInputJson,
        String toolResultForId,
        String toolResultContent,
        String parentToolUseId) {

    public NewConversationEvent {
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(eventType, "eventType is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** A message: text from {@code role}, no tool fields. */
    public static NewConversationEvent message(String sessionId, String claudeSessionId, Instant createdAt, String role,
                                               String content) {
        return new NewConversationEvent(sessionId, claudeSessionId, EventType.MESSAGE, createdAt, role, content, null, null,
                null, null, null, null);
    }

    /** The assistant calling a tool; {@code parentToolUseId} is null outside a sub-agent. */
    public static NewConversationEvent toolCall(String sessionId, String claudeSessionId, Instant createdAt, String toolId,
                                                String toolName, String toolInputJson, String parentToolUseId) {
        return new NewConversationEvent(sessionId, claudeSessionId, EventType.TOOL_CALL, createdAt, "assistant", null,
                toolId, toolName, toolInputJson, null, null, parentToolUseId);
    }

    /** What a tool call returned, sent back as the user. */
    public static NewConversationEvent toolResult(String sessionId, String claudeSessionId, Instant createdAt,
                                                  String toolResultForId, String toolResultContent) {
        return new NewConversationEvent(sessionId, claudeSessionId, EventType.TOOL_RESULT, createdAt, "user", null, null,
                null, null, toolResultForId, toolResultContent, null);
    }
}
