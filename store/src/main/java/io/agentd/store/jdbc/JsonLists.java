package io.agentd.store.jdbc;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/** JSON-in-TEXT columns (tool lists, directories, MCP args and env). */
public final class JsonLists {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonLists() {
    }

    public static String write(List<String> values) {
        return values == null ? null : MAPPER.writeValueAsString(values);
    }

    public static List<String> read(String json) {
        // Most sessions store empty lists; skipping the parser for them matters when thousands of rows are listed.
        if (json == null || json.isBlank() || json.equals("[]")) {
            return List.of();
        }
        return List.copyOf(MAPPER.readValue(json, new TypeReference<List<String>>() { }));
    }

    public static String writeMap(Map<String, String> values) {
        return values == null ? null : MAPPER.writeValueAsString(values);
    }

    public static Map<String, String> readMap(String json) {
        if (json == null || json.isBlank() || json.equals("{}")) {
            return Map.of();
        }
        return Map.copyOf(MAPPER.readValue(json, new TypeReference<Map<String, String>>() { }));
    }
}
