package io.agentd.store.conversation;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** One stored conversation event. Nullable components are absent. */
public record ConversationEventRow(
        long id,
        String sessionId,
        String claudeSessionId,
        long sequence,
        EventType eventType,
        Instant createdAt,
        String role,
        String content,
        String toolId,
        String toolName,
        String toolInputJson,
        String toolResultForId,
        String toolResultContent,
        boolean isCompleted,
        String approvalStatus,
        String approvalId,
        String parentToolUseId) {

    public ConversationEventRow {
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(eventType, "eventType is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** Characters in the row's large text fields: what a page of rows weighs in memory, roughly. */
    public long textLength() {
        return length(content) + length(toolInputJson) + length(toolResultContent);
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
