package io.agentd.cli.protocol;

import static java.util.Objects.requireNonNull;

import io.agentd.protocol.session.ConversationEvent;
import java.util.Optional;

/**
 * A conversation event classified by its {@code event_type}, so renderers switch over a closed set
 * instead of comparing type strings.
 */
public sealed interface TranscriptEntry {

    /** The wire event this entry was made from. */
    ConversationEvent event();

    /** Whether the event belongs to a sub-agent (Task tool) rather than the main conversation. */
    default boolean fromSubAgent() {
        String parent = event().parentToolUseId();
        return parent != null && !parent.isEmpty();
    }

    /** A text message; {@code role} is {@code user} or {@code assistant}. */
    record Message(ConversationEvent event, String role, String text) implements TranscriptEntry {
    }

    /** The model asked to run a tool. */
    record ToolCall(ConversationEvent event, String name, String inputJson, Optional<String> approvalStatus)
            implements TranscriptEntry {
    }

    /** What a tool returned. */
    record ToolResult(ConversationEvent event, String content) implements TranscriptEntry {
    }

    /** The model's extended thinking. */
    record Thinking(ConversationEvent event, String text) implements TranscriptEntry {
    }

    /** A system note, or an event type this CLI does not know. */
    record SystemNote(ConversationEvent event, String text) implements TranscriptEntry {
    }

    /** Classifies one wire event. */
    static TranscriptEntry of(ConversationEvent event) {
        requireNonNull(event, "event is null");
        String type = event.eventType() == null ? "" : event.eventType();
        return switch (type) {
            case "message" -> new Message(event, "user".equals(event.role()) ? "user" : "assistant",
                    orEmpty(event.content()));
            case "tool_call" -> new ToolCall(event, orEmpty(event.toolName()), orEmpty(event.toolInputJson()),
                    Optional.ofNullable(event.approvalStatus()).filter(s -> !s.isEmpty()));
            case "tool_result" -> new ToolResult(event, orEmpty(event.toolResultContent()));
            case "thinking" -> new Thinking(event, orEmpty(event.content()));
            case "system" -> new SystemNote(event, orEmpty(event.content()));
            default -> new SystemNote(event, "[" + type + "] " + orEmpty(event.content()));
        };
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
