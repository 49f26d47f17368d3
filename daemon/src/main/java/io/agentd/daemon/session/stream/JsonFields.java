package io.agentd.daemon.session.stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Lenient reads of JSON fields. The CLI's output is not a contract: a field of an unexpected JSON
 * type reads as absent ({@code ""}, {@code 0}, {@code false}, {@code MissingNode}) instead of
 * failing the whole line.
 */
final class JsonFields {
    private JsonFields() {
    }

    static JsonNode node(JsonNode parent, String name) {
        JsonNode value = parent == null ? null : parent.get(name);
        return value == null ? MissingNode.getInstance() : value;
    }

    static String text(JsonNode parent, String name) {
        JsonNode value = node(parent, name);
        return value.isString() ? value.stringValue() : "";
    }

    static long longValue(JsonNode parent, String name) {
        JsonNode value = node(parent, name);
        return value.isNumber() ? value.longValue() : 0L;
    }

    static int intValue(JsonNode parent, String name) {
        long value = longValue(parent, name);
        return (int) Math.clamp(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    static double doubleValue(JsonNode parent, String name) {
        JsonNode value = node(parent, name);
        return value.isNumber() ? value.doubleValue() : 0.0;
    }

    static boolean bool(JsonNode parent, String name) {
        JsonNode value = node(parent, name);
        return value.isBoolean() && value.booleanValue();
    }
}
