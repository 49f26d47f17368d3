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
}
