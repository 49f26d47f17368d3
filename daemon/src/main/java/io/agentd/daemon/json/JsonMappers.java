package io.agentd.daemon.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daemon's one shared JSON mapper.
 *
 * <p>Wire names are snake_case ({@code sessionId} ↔ {@code session_id}), unknown properties are ignored
 * (hld clients send fields we may not model), and null properties are left out of serialized records.
 * Envelopes that must carry an explicit {@code "id": null} are built as trees, which are written as they are.
 */
public final class JsonMappers {
    private static final JsonMapper DAEMON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(value -> value.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // hld (Go) reads an explicit null into a number field as its zero value; Jackson 3 would refuse it.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private JsonMappers() {
    }

    /** Returns the shared, immutable mapper every daemon component serializes and binds with. */
    public static JsonMapper daemon() {
        return DAEMON;
    }
}
