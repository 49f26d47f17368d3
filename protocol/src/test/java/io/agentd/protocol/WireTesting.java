package io.agentd.protocol;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A mapper with the wire rules and nothing else, as the daemon and agentctl build theirs. */
public final class WireTesting {
    public static final JsonMapper MAPPER = WireJson.builder().build();

    private WireTesting() {
    }

    /** The field names of a JSON object, in order. */
    public static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.propertyNames().forEach(keys::add);
        return keys;
    }
}
