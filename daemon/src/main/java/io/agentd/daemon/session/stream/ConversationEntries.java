package io.agentd.daemon.session.stream;

import static io.agentd.daemon.session.stream.JsonFields.longValue;
import static io.agentd.daemon.session.stream.JsonFields.text;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Derives the conversation rows of a stream event, one per content block, as hld's
 * {@code processStreamEvent} does: text → {@code message} (role of the message), thinking →
 * {@code thinking}, tool_use → {@code tool_call} (input JSON with sorted keys, like Go),
 * tool_result → {@code tool_result} (role {@code user}); all with the event's
 * {@code parent_tool_use_id}.
 *
 * <p>Differences from hld, on purpose:
 * <ul>
 *   <li>A user message with a plain-string content (e.g. {@code [Request interrupted by user]})
 *       yields a {@code message} row; hld cannot decode such lines and loses them.</li>
 *   <li>{@code system/permission_denied} and {@code system/api_retry} yield a {@code system} row
 *       (role {@code system}): they explain to the user why a tool did not run or why a session
 *       stalls for minutes, and hld's UI already renders {@code system} rows. Chatty subtypes
 *       ({@code thinking_tokens}, {@code status}) and {@code init} yield none, as in hld.</li>
 * </ul>
 * Results, unknown and malformed lines yield no rows; unknown content blocks are skipped.
 */
public final class ConversationEntries {
    private ConversationEntries() {
    }

    /** The rows of one event, in content order; empty for events that store none. */
    public static List<ConversationEntry> from(StreamEvent event) {
        return switch (event) {
            case StreamEvent.Assistant a -> blocks(a.content(), a.role().isEmpty() ? "assistant" : a.role(),
                    a.parentToolUseId());
            case StreamEvent.User u -> blocks(u.content(), "user", u.parentToolUseId());
            case StreamEvent.SystemOther s -> systemEntry(s);
            case StreamEvent.SystemInit _, StreamEvent.Result _, StreamEvent.Unknown _,
                    StreamEvent.Malformed _ -> List.of();
        };
    }

    /** Tool input as Go's {@code json.Marshal} of a map writes it: compact, keys sorted; {@code null} when absent. */
    public static String toolInputJson(JsonNode input) {
        if (input == null || input.isMissingNode()) {
            return "null";
        }
        return JsonMappers.SORTED_WRITER.writeValueAsString(input);
    }

    private static List<ConversationEntry> blocks(List<ContentBlock> content, String role, String parent) {
        List<ConversationEntry> entries = new ArrayList<>(content.size());
        for (ContentBlock block : content) {
            switch (block) {
                case ContentBlock.Text t ->
                        entries.add(ConversationEntry.message(EntryType.MESSAGE, role, t.text(), parent));
                case ContentBlock.Thinking t ->
                        entries.add(ConversationEntry.message(EntryType.THINKING, role, t.thinking(), parent));
                case ContentBlock.ToolUse t ->
                        entries.add(ConversationEntry.toolCall(t.id(), t.name(), toolInputJson(t.input()), parent));
                case ContentBlock.ToolResult r ->
                        entries.add(ConversationEntry.toolResult(r.toolUseId(), r.content(), r.isError(), parent));
                case ContentBlock.UnknownBlock _ -> {
                    // Images and server-side tool blocks have no row in hld's schema; the raw event keeps them.
                }
            }
        }
        return entries;
    }

    private static List<ConversationEntry> systemEntry(StreamEvent.SystemOther event) {
        JsonNode raw = event.raw();
        String content = switch (event.subtype()) {
            case "permission_denied" -> permissionDenied(raw);
            case "api_retry" -> apiRetry(raw);
            default -> "";
        };
        return content.isEmpty()
                ? List.of()
                : List.of(ConversationEntry.message(EntryType.SYSTEM, "system", content, ""));
    }

    private static String permissionDenied(JsonNode raw) {
        String tool = text(raw, "tool_name");
        String message = text(raw, "message");
        String prefix = tool.isEmpty() ? "Permission denied" : "Permission denied for " + tool;
        return message.isEmpty() ? prefix : prefix + ": " + message;
    }

    private static String apiRetry(JsonNode raw) {
        StringBuilder text = new StringBuilder("API request failed");
        long status = longValue(raw, "error_status");
        String error = text(raw, "error");
        if (status > 0 || !error.isEmpty()) {
            text.append(" (").append(status > 0 ? status + (error.isEmpty() ? "" : " ") : "").append(error).append(')');
        }
        text.append("; retry ").append(longValue(raw, "attempt"));
        long max = longValue(raw, "max_retries");
        if (max > 0) {
            text.append(" of ").append(max);
        }
        long delay = longValue(raw, "retry_delay_ms");
        if (delay > 0) {
            text.append(" in ").append(delay).append(" ms");
        }
        return text.toString();
    }
}
