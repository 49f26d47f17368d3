package io.agentd.cli.format;

import static java.util.Objects.requireNonNull;

import io.agentd.cli.protocol.ProtocolJson;
import tools.jackson.databind.JsonNode;

/** The {@code --json} rendering: the daemon's result exactly as received, indented. */
public final class JsonView {
    private JsonView() {
    }

    public static String render(JsonNode result) {
        requireNonNull(result, "result is null");
        return ProtocolJson.PRETTY.writeValueAsString(result) + "\n";
    }
}
