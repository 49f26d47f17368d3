package io.agentd.daemon.json;

import io.agentd.protocol.WireJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daemon's one shared JSON mapper, built with the protocol's wire rules ({@link WireJson}).
 *
 * <p>Wire names are snake_case ({@code sessionId} ↔ {@code session_id}), unknown properties are ignored
 * (hld clients send fields we may not model), and null properties are left out of serialized records.
 * Envelopes that must carry an explicit {@code "id": null} are built as trees, which are written as they are.
 */
public final class JsonMappers {
    private static final JsonMapper DAEMON = WireJson.builder().build();

    private JsonMappers() {
    }

    /** Returns the shared, immutable mapper every daemon component serializes and binds with. */
    public static JsonMapper daemon() {
        return DAEMON;
    }
}
