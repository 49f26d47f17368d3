package io.agentd.cli.format;

import static java.util.Objects.requireNonNull;

import io.agentd.cli.protocol.ProtocolJson;
import io.agentd.protocol.approval.Approval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Renders {@code agentctl approvals}: one row per pending approval, oldest first. */
public final class ApprovalTable {
    static final List<String> HEADERS = List.of("ID", "SESSION", "TOOL", "AGE", "INPUT");
    /** The input fields that say most about a tool call, in the order they are looked for. */
    private static final List<String> TELLING_FIELDS =
            List.of("command", "file_path", "notebook_path", "path", "url", "pattern", "query", "prompt");

    private final Instant now;
    private final int width;

    public ApprovalTable(Instant now, int width) {
        this.now = requireNonNull(now, "now is null");
        this.width = width;
    }

    public String render(List<Approval> approvals) {
        requireNonNull(approvals, "approvals is null");
        if (approvals.isEmpty()) {
            return "no pending approvals\n";
        }
        TextTable table = new TextTable(HEADERS);
        for (Approval a : approvals) {
            table.row(List.of(
                    shortId(a.id()),
                    SessionTable.shortId(a.sessionId()),
                    a.toolName() == null ? "-" : a.toolName(),
                    Timestamps.parse(a.createdAt()).map(t -> Units.age(Duration.between(t, now))).orElse("-"),
                    summary(a.toolInput())));
        }
        return table.render(width);
    }

    /**
     * An approval id without hld's {@code local-} prefix, cut to eight characters; accepted back as a
     * prefix by {@code approve} and {@code deny}.
     */
    public static String shortId(String id) {
        if (id == null) {
            return "-";
        }
        return SessionTable.shortId(id.startsWith("local-") ? id.substring("local-".length()) : id);
    }

    /** The most telling field of a tool input (a command, a file path), else the compact JSON. */
    public static String summary(JsonNode input) {
        if (input == null || input.isNull() || input.isMissingNode()) {
            return "";
        }
        for (String field : TELLING_FIELDS) {
            JsonNode value = input.get(field);
            if (value != null && value.isString() && !value.asString().isBlank()) {
                return value.asString();
            }
        }
        return ProtocolJson.MAPPER.writeValueAsString(input);
    }

    /** Every field of a tool input as {@code name: value} lines, each cut to {@code width}. */
    public static String details(JsonNode input, int width) {
        StringBuilder out = new StringBuilder();
        if (input == null || !input.isObject()) {
            return input == null ? "" : "  " + TextTable.truncate(String.valueOf(input), width - 2) + "\n";
        }
        for (Map.Entry<String, JsonNode> field : input.properties()) {
            JsonNode value = field.getValue();
            String text = value.isString() ? value.asString() : ProtocolJson.MAPPER.writeValueAsString(value);
            String line = "  " + field.getKey() + ": " + text.replaceAll("\\s+", " ").strip();
            out.append(TextTable.truncate(line, width)).append('\n');
        }
        return out.toString();
    }
}
