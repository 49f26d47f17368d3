package io.agentd.cli.protocol;

import java.util.List;

/** One stored conversation event as {@code getConversation} returns it. */
public record ConversationEvent(
        Long id,
        String sessionId,
        String claudeSessionId,
        Long sequence,
        String eventType,
        String createdAt,
        String role,
        String content,
        String toolId,
        String toolName,
        String toolInputJson,
        String parentToolUseId,
        String toolResultForId,
        String toolResultContent,
        boolean isCompleted,
        String approvalStatus,
        String approvalId) {

    /** Result payload of {@code getConversation}. */
    public record Conversation(List<ConversationEvent> events) {
        public Conversation {
            events = events == null ? List.of() : List.copyOf(events);
        }
    }
}
