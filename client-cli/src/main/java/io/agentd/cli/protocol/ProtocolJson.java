package io.agentd.cli.protocol;

import io.agentd.protocol.WireJson;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the CLI, with the protocol's wire rules ({@link WireJson}): snake_case names, absent
 * values left out of requests, and unknown fields tolerated because agentd adds fields to hld's shapes.
 */
public final class ProtocolJson {
    /** Shared, immutable mapper. */
    public static final JsonMapper MAPPER = WireJson.builder().build();

    /** For {@code --json} output, which people read. */
    public static final tools.jackson.databind.ObjectWriter PRETTY =
            MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT);

    private ProtocolJson() {
    }
}
