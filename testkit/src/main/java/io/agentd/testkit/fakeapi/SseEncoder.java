package io.agentd.testkit.fakeapi;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a scripted {@link Reply.Message} into the standard Anthropic streaming events:
 * {@code message_start}, {@code ping}, per block {@code content_block_start} / {@code content_block_delta}s /
 * {@code content_block_stop}, then {@code message_delta} and {@code message_stop}.
 */
final class SseEncoder {
    private final Supplier<String> toolUseIds;

    /** @param toolUseIds source of fresh {@code toolu_...} ids, one per tool call */
    SseEncoder(Supplier<String> toolUseIds) {
        this.toolUseIds = requireNonNull(toolUseIds, "toolUseIds is null");
    }

    List<SseEvent> encode(Reply.Message message, String messageId, String model) {
        requireNonNull(message, "message is null");
        requireNonNull(messageId, "messageId is null");
        requireNonNull(model, "model is null");
        List<SseEvent> events = new ArrayList<>();
        events.add(messageStart(message.usage(), messageId, model));
        events.add(event("ping", Json.object().put("type", "ping")));
        for (int index = 0; index < message.blocks().size(); index++) {
            addBlock(events, index, message.blocks().get(index));
        }
        ObjectNode delta = Json.object().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", message.stopReason()).putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", message.usage().outputTokens());
        events.add(event("message_delta", delta));
        events.add(event("message_stop", Json.object().put("type", "message_stop")));
        return List.copyOf(events);
    }

    private static SseEvent messageStart(Usage usage, String messageId, String model) {
        ObjectNode start = Json.object().put("type", "message_start");
        ObjectNode body = start.putObject("message")
                .put("id", messageId)
                .put("type", "message")
                .put("role", "assistant")
                .put("model", model);
        body.putArray("content");
        body.putNull("stop_reason");
        body.putNull("stop_sequence");
        // output_tokens is 1 at the start of a real stream; the final count comes in message_delta
        body.putObject("usage")
                .put("input_tokens", usage.inputTokens())
                .put("output_tokens", 1)
                .put("cache_creation_input_tokens", usage.cacheCreationInputTokens())
                .put("cache_read_input_tokens", usage.cacheReadInputTokens());
        return event("message_start", start);
    }

    private void addBlock(List<SseEvent> events, int index, ContentBlock block) {
        ObjectNode start = Json.object().put("type", "content_block_start").put("index", index);
        ObjectNode content = start.putObject("content_block");
        switch (block) {
            case ContentBlock.Text text -> {
                content.put("type", "text").put("text", "");
                events.add(event("content_block_start", start));
                for (String chunk : text.chunks()) {
                    events.add(delta(index, Json.object().put("type", "text_delta").put("text", chunk)));
                }
            }
            case ContentBlock.Thinking thinking -> {
                content.put("type", "thinking").put("thinking", "").put("signature", "");
                events.add(event("content_block_start", start));
                for (String chunk : thinking.chunks()) {
                    events.add(delta(index, Json.object().put("type", "thinking_delta").put("thinking", chunk)));
                }
                events.add(delta(index, Json.object().put("type", "signature_delta")
                        .put("signature", thinking.signature())));
            }
            case ContentBlock.ToolUse toolUse -> {
                content.put("type", "tool_use").put("id", toolUseIds.get()).put("name", toolUse.name());
                content.putObject("input");
                events.add(event("content_block_start", start));
                for (String piece : splitInTwo(toolUse.inputJson())) {
                    events.add(delta(index, Json.object().put("type", "input_json_delta").put("partial_json", piece)));
                }
            }
        }
        events.add(event("content_block_stop", Json.object().put("type", "content_block_stop").put("index", index)));
    }

    /** The real API streams tool input in arbitrary fragments; two make clients concatenate. */
    private static List<String> splitInTwo(String json) {
        if (json.length() < 2) {
            return List.of(json);
        }
        int middle = json.length() / 2;
        if (Character.isHighSurrogate(json.charAt(middle - 1))) {
            middle++;
        }
        return List.of(json.substring(0, middle), json.substring(middle));
    }

    private static SseEvent delta(int index, ObjectNode delta) {
        ObjectNode data = Json.object().put("type", "content_block_delta").put("index", index);
        data.set("delta", delta);
        return new SseEvent("content_block_delta", data, true);
    }

    private static SseEvent event(String name, ObjectNode data) {
        return new SseEvent(name, data, false);
    }
}
