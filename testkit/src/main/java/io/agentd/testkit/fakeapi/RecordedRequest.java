package io.agentd.testkit.fakeapi;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP request the fake API received, in arrival order.
 *
 * @param query the raw query string, empty when there was none
 * @param body the parsed JSON body; a missing node when the body was empty or not JSON
 */
public record RecordedRequest(String method, String path, String query, JsonNode body) {
    public RecordedRequest {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        requireNonNull(query, "query is null");
        requireNonNull(body, "body is null");
    }

    /** Whether this is a model turn ({@code POST /v1/messages}). */
    public boolean isMessages() {
        return "POST".equals(method) && "/v1/messages".equals(path);
    }

    /** The {@code messages} array of the body, in order ({@code role} user, assistant, sometimes system). */
    public List<JsonNode> messages() {
        List<JsonNode> messages = new ArrayList<>();
        body.path("messages").forEach(messages::add);
        return List.copyOf(messages);
    }

    /** The messages with the given role. */
    public List<JsonNode> messages(String role) {
        requireNonNull(role, "role is null");
        return messages().stream().filter(m -> role.equals(m.path("role").asString(""))).toList();
    }

    /**
     * The text of each message with the given role, flattened: string content, text and thinking
     * blocks, and tool result contents, joined by newlines.
     */
    public List<String> texts(String role) {
        return messages(role).stream().map(MessageText::of).toList();
    }

    /** All {@code tool_result} blocks of all user messages. */
    public List<JsonNode> toolResults() {
        List<JsonNode> results = new ArrayList<>();
        for (JsonNode message : messages("user")) {
            for (JsonNode block : message.path("content")) {
                if ("tool_result".equals(block.path("type").asString(""))) {
                    results.add(block);
                }
            }
        }
        return List.copyOf(results);
    }

    /** The script the request asks for by a tag in its first user message. */
    public Optional<String> scriptName() {
        return ScriptTag.scriptName(body);
    }

    /** How many assistant messages the request carries: the index of the turn it asks for. */
    public int turnIndex() {
        return ScriptTag.turnIndex(body);
    }

    /** The requested model, empty if the body names none. */
    public String model() {
        return body.path("model").asString("");
    }
}
