package io.agentd.protocol.session;

import tools.jackson.core.JsonGenerator;

/**
 * One conversation event as {@code getConversation} returns it (hld's RPC {@code ConversationEvent}):
 * {@code created_at} in RFC3339 whole seconds, {@code claude_session_id} always present ({@code ""} before
 * Claude reported one), text fields omitted when empty, {@code tool_input_json} as stored.
 */
public record ConversationEvent(
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

    /**
     * Writes the event exactly as the daemon mapper serializes this record (null fields left out), without
     * its reflection: a long conversation writes one event after another, and the generic bean serializer
     * was a third of the time spent writing them.
     */
    public void writeTo(JsonGenerator generator) {
        generator.writeStartObject();
        generator.writeNumberProperty("id", id);
        property(generator, "session_id", sessionId);
        property(generator, "claude_session_id", claudeSessionId);
        generator.writeNumberProperty("sequence", sequence);
        property(generator, "event_type", eventType);
        property(generator, "created_at", createdAt);
        property(generator, "role", role);
        property(generator, "content", content);
        property(generator, "tool_id", toolId);
        property(generator, "tool_name", toolName);
        property(generator, "tool_input_json", toolInputJson);
        property(generator, "parent_tool_use_id", parentToolUseId);
        property(generator, "tool_result_for_id", toolResultForId);
        property(generator, "tool_result_content", toolResultContent);
        generator.writeBooleanProperty("is_completed", isCompleted);
        property(generator, "approval_status", approvalStatus);
        property(generator, "approval_id", approvalId);
        generator.writeEndObject();
    }

    private static void property(JsonGenerator generator, String name, String value) {
        if (value != null) {
            generator.writeStringProperty(name, value);
        }
    }
}
