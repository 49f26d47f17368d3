package io.agentd.cli.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the CLI, configured for the daemon's wire format: snake_case names, absent
 * values left out of requests, and unknown fields tolerated because agentd adds fields to hld's shapes.
 */
public final class ProtocolJson {
    /** Shared, immutable mapper. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    /** For {@code --json} output, which people read. */
    public static final tools.jackson.databind.ObjectWriter PRETTY =
            MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT);

    private ProtocolJson() {
    }
}
