package io.agentd.daemon.session.api;

import static io.agentd.daemon.session.api.WireValues.orEmpty;
import static io.agentd.daemon.session.api.WireValues.text;

import io.agentd.store.conversation.ConversationEventRow;

/**
 * One conversation event as {@code getConversation} returns it (hld's RPC {@code ConversationEvent}):
 * {@code created_at} in RFC3339 whole seconds, {@code claude_session_id} always present ({@code ""} before
 * Claude reported one), text fields omitted when empty, {@code tool_input_json} as stored.
 */
public record ConversationEventView(
        long id,
        String sessionId,
        String claudeSessionId,
        long sequence,
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

    /** Maps a stored event. */
    public static ConversationEventView from(ConversationEventRow e) {
        return new ConversationEventView(e.id(), e.sessionId(), orEmpty(e.claudeSessionId()), e.sequence(),
                e.eventType().wireName(), WireTimes.rfc3339(e.createdAt()), text(e.role()), text(e.content()),
                text(e.toolId()), text(e.toolName()), text(e.toolInputJson()), text(e.parentToolUseId()),
                text(e.toolResultForId()), text(e.toolResultContent()), e.isCompleted(), text(e.approvalStatus()),
                text(e.approvalId()));
    }
}
