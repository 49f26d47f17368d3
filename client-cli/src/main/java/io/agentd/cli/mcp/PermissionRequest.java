package io.agentd.cli.mcp;

import static java.util.Objects.requireNonNull;

import tools.jackson.databind.JsonNode;

/**
 * What Claude Code asks through the permission prompt tool: may it run {@code toolName} with
 * {@code input}? {@code toolUseId} names the tool_use block in the transcript (empty when not sent).
 */
public record PermissionRequest(String toolName, JsonNode input, String toolUseId) {
    public PermissionRequest {
        requireNonNull(toolName, "toolName is null");
        requireNonNull(input, "input is null");
        toolUseId = toolUseId == null ? "" : toolUseId;
        if (toolName.isBlank()) {
            throw new IllegalArgumentException("tool_name is required");
        }
    }
}
