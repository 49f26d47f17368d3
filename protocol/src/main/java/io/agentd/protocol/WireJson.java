package io.agentd.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON rules the wire records are written for, shared by the daemon's mapper and agentctl's: names are
 * snake_case ({@code sessionId} ↔ {@code session_id}, hld's names), null properties are left out (hld's
 * {@code omitempty}), unknown properties are ignored (either side may know fields the other does not), and an
 * explicit null in a number field reads as zero, as Go reads it (Jackson 3 would refuse it).
 *
 * <p>The rules live on the mapper rather than as annotations on each record: annotations are read through
 * dynamic proxies that agentctl's AOT cache cannot hold, and each one would add to its start-up.
 */
public final class WireJson {
    private WireJson() {
    }

    /** A builder with the wire rules set, for a caller to add its own settings to and build once. */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .changeDefaultPropertyInclusion(value -> value.withValueInclusion(JsonInclude.Include.NON_NULL))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
}
