package io.agentd.cli.format;

import static java.util.Objects.requireNonNull;

import io.agentd.cli.protocol.ProtocolJson;
import io.agentd.cli.protocol.TranscriptEntry;
import io.agentd.protocol.session.ConversationEvent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Renders a conversation as a readable transcript: speaker blocks with message text, tool calls with
 * a compact input, shortened tool results, and thinking set apart with its own marker (dimmed on a
 * colour terminal).
 */
public final class TranscriptRenderer {
    static final int RESULT_MAX_LINES = 5;
    static final int RESULT_MAX_CHARS = 400;
    static final int INPUT_MAX_CHARS = 160;
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ZoneId zone;
    private final boolean color;

    public TranscriptRenderer(ZoneId zone, boolean color) {
        this.zone = requireNonNull(zone, "zone is null");
        this.color = color;
    }

    public String render(List<ConversationEvent> events) {
        requireNonNull(events, "events is null");
        if (events.isEmpty()) {
            return "no conversation events yet\n";
        }
        StringBuilder out = new StringBuilder();
        String block = null;
        for (ConversationEvent event : events) {
            TranscriptEntry entry = TranscriptEntry.of(event);
            String speaker = speaker(entry);
            if (!speaker.equals(block)) {
                if (block != null) {
                    out.append('\n');
                }
                out.append(speaker).append(clock(event)).append('\n');
                block = speaker;
            }
            String indent = entry.fromSubAgent() ? "    │ " : "  ";
            for (String line : lines(entry)) {
                out.append(indent).append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static String speaker(TranscriptEntry entry) {
        return switch (entry) {
            case TranscriptEntry.Message m when m.role().equals("user") -> "USER";
            case TranscriptEntry.SystemNote s -> "SYSTEM";
            default -> "ASSISTANT";
        };
    }

    private String clock(ConversationEvent event) {
        return Timestamps.parse(event.createdAt())
                .map(t -> "  " + CLOCK.format(t.atZone(zone)))
                .orElse("");
    }

    private List<String> lines(TranscriptEntry entry) {
        return switch (entry) {
            case TranscriptEntry.Message m -> m.text().lines().toList();
            case TranscriptEntry.SystemNote s -> s.text().lines().toList();
            case TranscriptEntry.ToolCall call -> List.of("⏺ " + call.name() + "(" + compactInput(call.inputJson())
                    + ")" + call.approvalStatus().map(a -> "  [approval: " + a + "]").orElse(""));
            case TranscriptEntry.ToolResult result -> resultLines(result.content());
            case TranscriptEntry.Thinking thinking -> thinkingLines(thinking.text());
        };
    }

    private List<String> thinkingLines(String text) {
        List<String> lines = new ArrayList<>();
        lines.add(dim("✻ thinking"));
        text.lines().forEach(l -> lines.add(dim("┊ " + l)));
        return lines;
    }

    private String dim(String text) {
        return color ? DIM + text + RESET : text;
    }

    /** Tool results can be whole files: show the head and say how much was left out. */
    static List<String> resultLines(String content) {
        List<String> all = content.strip().lines().toList();
        if (all.isEmpty()) {
            return List.of("  ⎿ (no output)");
        }
        List<String> shown = new ArrayList<>();
        int chars = 0;
        boolean cut = false;
        for (String line : all) {
            if (shown.size() == RESULT_MAX_LINES) {
                break;
            }
            if (chars + line.length() > RESULT_MAX_CHARS) {
                shown.add(line.substring(0, Math.max(0, RESULT_MAX_CHARS - chars)) + "…");
                cut = true;
                break;
            }
            shown.add(line);
            chars += line.length();
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            lines.add((i == 0 ? "  ⎿ " : "    ") + shown.get(i));
        }
        int hidden = all.size() - shown.size();
        if (hidden > 0) {
            lines.add("    … (" + hidden + " more line" + (hidden == 1 ? "" : "s") + ")");
        } else if (cut) {
            lines.add("    … (truncated)");
        }
        return lines;
    }

    /** {@code key: value} pairs on one line; strings unquoted, anything else as compact JSON. */
    static String compactInput(String inputJson) {
        if (inputJson.isBlank()) {
            return "";
        }
        String text;
        try {
            JsonNode input = ProtocolJson.MAPPER.readTree(inputJson);
            if (input.isObject()) {
                List<String> pairs = new ArrayList<>();
                for (Map.Entry<String, JsonNode> field : input.properties()) {
                    JsonNode value = field.getValue();
                    String rendered = value.isString() ? value.asString() : ProtocolJson.MAPPER.writeValueAsString(value);
                    pairs.add(field.getKey() + ": " + TextTable.truncate(rendered.replaceAll("\\s+", " "), 80));
                }
                text = String.join(", ", pairs);
            } else {
                text = ProtocolJson.MAPPER.writeValueAsString(input);
            }
        } catch (JacksonException e) {
            text = inputJson.replaceAll("\\s+", " ");
        }
        return TextTable.truncate(text, INPUT_MAX_CHARS);
    }
}
