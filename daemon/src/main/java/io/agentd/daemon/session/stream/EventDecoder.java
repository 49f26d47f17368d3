package io.agentd.daemon.session.stream;

import static io.agentd.daemon.session.stream.JsonFields.bool;
import static io.agentd.daemon.session.stream.JsonFields.doubleValue;
import static io.agentd.daemon.session.stream.JsonFields.intValue;
import static io.agentd.daemon.session.stream.JsonFields.longValue;
import static io.agentd.daemon.session.stream.JsonFields.node;
import static io.agentd.daemon.session.stream.JsonFields.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Turns the JSON object of one stream-json line into its {@link StreamEvent}; the one place that
 * knows the wire names of event and block types.
 */
final class EventDecoder {
    private EventDecoder() {
    }

    static StreamEvent decode(JsonNode root) {
        String type = text(root, "type");
        String sessionId = text(root, "session_id");
        return switch (type) {
            case "system" -> system(root, sessionId);
            case "assistant" -> assistant(root, sessionId);
            case "user" -> user(root, sessionId);
            case "result" -> result(root, sessionId);
            default -> new StreamEvent.Unknown(type, sessionId, root);
        };
    }

    private static StreamEvent system(JsonNode root, String sessionId) {
        String subtype = text(root, "subtype");
        if (subtype.equals("init")) {
            return new StreamEvent.SystemInit(sessionId, text(root, "model"), text(root, "cwd"),
                    text(root, "permissionMode"), text(root, "claude_code_version"), root);
        }
        return new StreamEvent.SystemOther(subtype, sessionId, root);
    }

    private static StreamEvent assistant(JsonNode root, String sessionId) {
        JsonNode message = node(root, "message");
        return new StreamEvent.Assistant(sessionId, text(root, "parent_tool_use_id"), text(message, "id"),
                text(message, "role"), text(message, "model"), contentBlocks(node(message, "content")),
                usage(node(message, "usage")), bool(root, "is_api_error_message"), root);
    }

    private static StreamEvent user(JsonNode root, String sessionId) {
        JsonNode message = node(root, "message");
        return new StreamEvent.User(sessionId, text(root, "parent_tool_use_id"),
                contentBlocks(node(message, "content")), node(root, "tool_use_result"), root);
    }

    private static StreamEvent result(JsonNode root, String sessionId) {
        return new StreamEvent.Result(sessionId, text(root, "subtype"), bool(root, "is_error"),
                text(root, "terminal_reason"), text(root, "result"), intValue(root, "num_turns"),
                longValue(root, "duration_ms"), longValue(root, "duration_api_ms"),
                doubleValue(root, "total_cost_usd"), usage(node(root, "usage")),
                modelUsage(node(root, "modelUsage")), permissionDenials(node(root, "permission_denials")),
                intValue(root, "api_error_status"), text(root, "api_error_type"), errors(root), root);
    }

    /** A string content is one text block (hld drops such lines; users do see these messages). */
    private static List<ContentBlock> contentBlocks(JsonNode content) {
        if (content.isString()) {
            return List.of(new ContentBlock.Text(content.stringValue()));
        }
        List<ContentBlock> blocks = new ArrayList<>();
        if (content.isArray()) {
            for (JsonNode block : content.values()) {
                blocks.add(contentBlock(block));
            }
        }
        return blocks;
    }

    private static ContentBlock contentBlock(JsonNode block) {
        String type = text(block, "type");
        return switch (type) {
            case "text" -> new ContentBlock.Text(text(block, "text"));
            case "thinking" -> new ContentBlock.Thinking(text(block, "thinking"));
            case "tool_use" -> new ContentBlock.ToolUse(text(block, "id"), text(block, "name"), node(block, "input"));
            case "tool_result" -> new ContentBlock.ToolResult(text(block, "tool_use_id"),
                    toolResultText(node(block, "content")), bool(block, "is_error"));
            default -> new ContentBlock.UnknownBlock(type, block);
        };
    }

    private static String toolResultText(JsonNode content) {
        if (content.isString()) {
            return content.stringValue();
        }
        if (!content.isArray()) {
            return "";
        }
        return content.values().stream()
                .filter(item -> text(item, "type").equals("text"))
                .map(item -> text(item, "text"))
                .collect(Collectors.joining("\n"));
    }

    private static Optional<Usage> usage(JsonNode usage) {
        if (!usage.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new Usage(longValue(usage, "input_tokens"), longValue(usage, "output_tokens"),
                longValue(usage, "cache_creation_input_tokens"), longValue(usage, "cache_read_input_tokens")));
    }

    private static Map<String, ModelUsage> modelUsage(JsonNode byModel) {
        Map<String, ModelUsage> result = new LinkedHashMap<>();
        if (byModel.isObject()) {
            for (Map.Entry<String, JsonNode> entry : byModel.properties()) {
                JsonNode u = entry.getValue();
                result.put(entry.getKey(), new ModelUsage(longValue(u, "inputTokens"), longValue(u, "outputTokens"),
                        longValue(u, "cacheReadInputTokens"), longValue(u, "cacheCreationInputTokens"),
                        doubleValue(u, "costUSD"), longValue(u, "contextWindow"), longValue(u, "maxOutputTokens")));
            }
        }
        return result;
    }

    private static List<PermissionDenial> permissionDenials(JsonNode denials) {
        List<PermissionDenial> result = new ArrayList<>();
        if (denials.isArray()) {
            for (JsonNode denial : denials.values()) {
                result.add(denial.isString()
                        ? new PermissionDenial(denial.stringValue(), "", MissingNode.getInstance())
                        : new PermissionDenial(text(denial, "tool_name"), text(denial, "tool_use_id"),
                                node(denial, "tool_input")));
            }
        }
        return result;
    }

    /** {@code errors} (string array of the {@code error_*} subtypes) and hld's singular {@code error}. */
    private static List<String> errors(JsonNode root) {
        List<String> result = new ArrayList<>();
        JsonNode errors = node(root, "errors");
        if (errors.isArray()) {
            for (JsonNode error : errors.values()) {
                if (error.isString() && !error.stringValue().isBlank()) {
                    result.add(error.stringValue());
                }
            }
        }
        String error = text(root, "error");
        if (!error.isBlank() && !result.contains(error)) {
            result.add(error);
        }
        return result;
    }
}
