package io.agentd.cli.format;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One bus event as one readable line: time, short session id, what changed. For {@code agentctl watch}.
 */
public final class EventLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int MAX_TEXT = 100;

    private final ZoneId zone;

    public EventLine(ZoneId zone) {
        this.zone = zone;
    }

    public String render(JsonNode event) {
        JsonNode data = event.path("data");
        String session = data.path("session_id").asString("");
        String shortId = session.length() > 8 ? session.substring(0, 8) : session;
        return String.format("%s  %-8s  %s%n", time(event.path("timestamp").asString("")), shortId, what(event, data));
    }

    private static String what(JsonNode event, JsonNode data) {
        String type = event.path("type").asString("");
        return switch (type) {
            case "session_status_changed" -> status(data);
            case "conversation_updated" -> conversation(data);
            case "session_settings_changed" -> "settings " + settings(data);
            case "new_approval" -> "approval requested: " + data.path("tool_name").asString("") + " ("
                    + data.path("approval_id").asString("") + ")";
            case "approval_resolved" -> "approval " + (data.path("approved").asBoolean() ? "approved" : "denied")
                    + text(data.path("response_text").asString(""));
            case "resync_required" -> "events were pruned: " + data.path("message").asString("");
            default -> type;
        };
    }

    private static String status(JsonNode data) {
        if ("token_update".equals(data.path("reason").asString(""))) {
            return "tokens in " + data.path("input_tokens").asLong(0) + ", out " + data.path("output_tokens").asLong(0)
                    + ", context " + data.path("effective_context_tokens").asLong(0);
        }
        if (data.has("title")) {
            return "title \"" + data.path("title").asString("") + "\"";
        }
        if (data.has("archived")) {
            return data.path("archived").asBoolean() ? "archived" : "unarchived";
        }
        String line = "status " + data.path("old_status").asString("?") + " → " + data.path("new_status").asString("?");
        return data.has("error") ? line + text(data.path("error").asString("")) : line;
    }

    private static String conversation(JsonNode data) {
        return switch (data.path("event_type").asString("")) {
            case "message" -> data.path("role").asString("") + text(data.path("content").asString(""));
            case "thinking" -> "thinking" + text(data.path("content").asString(""));
            case "tool_call" -> "tool call " + data.path("tool_name").asString("") + " "
                    + shorten(data.path("tool_input").toString());
            case "tool_result" -> "tool result" + text(data.path("tool_result_content").asString(""));
            default -> data.path("event_type").asString("") + text(data.path("content").asString(""));
        };
    }

    private static String settings(JsonNode data) {
        StringBuilder out = new StringBuilder();
        data.properties().forEach(e -> {
            if (!e.getKey().equals("session_id") && !e.getKey().equals("run_id")) {
                out.append(e.getKey()).append('=').append(e.getValue().isString() ? e.getValue().asString() : e.getValue())
                        .append(' ');
            }
        });
        return out.toString().strip();
    }

    private static String text(String s) {
        return s.isBlank() ? "" : ": " + shorten(s);
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= MAX_TEXT ? one : one.substring(0, MAX_TEXT - 1) + "…";
    }

    private String time(String timestamp) {
        try {
            return TIME.format(Instant.parse(timestamp).atZone(zone));
        } catch (DateTimeParseException e) {
            return "--:--:--";
        }
    }
}
