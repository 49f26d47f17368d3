package io.agentd.protocol;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mapper with Jackson's defaults: no naming strategy and no inclusion rule, so what the tests see comes
 * from the records' own annotations, not from the daemon's or the CLI's mapper configuration.
 */
public final class WireJson {
    public static final JsonMapper PLAIN = JsonMapper.builder().build();

    private WireJson() {
    }

    /** The field names of a JSON object, in order. */
    public static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.propertyNames().forEach(keys::add);
        return keys;
    }
}
