package io.agentd.testkit.fakeapi;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the fake API. */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + text, e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
