package io.agentd.daemon.session.stream;

import static java.util.Objects.requireNonNull;

import tools.jackson.databind.JsonNode;

/**
 * One entry of a result's {@code permission_denials}. hld also accepts a bare string entry; it
 * becomes a denial with that string as the tool name, an empty id and a missing input.
 */
public record PermissionDenial(String toolName, String toolUseId, JsonNode toolInput) {
    public PermissionDenial {
        requireNonNull(toolName, "toolName is null");
        requireNonNull(toolUseId, "toolUseId is null");
        requireNonNull(toolInput, "toolInput is null");
    }
}
