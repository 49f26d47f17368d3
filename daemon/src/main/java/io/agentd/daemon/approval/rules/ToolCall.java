package io.agentd.daemon.approval.rules;

import tools.jackson.databind.JsonNode;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * A permission request as rules see it.
 *
 * @param sessionId  the asking session
 * @param workingDir its working directory (absolute): the root of relative paths and of project scopes
 * @param toolName   the tool Claude wants to run
 * @param input      the tool's input as Claude sent it
 */
public record ToolCall(String sessionId, Path workingDir, String toolName, JsonNode input) {
    public ToolCall {
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(workingDir, "workingDir is null");
        requireNonNull(toolName, "toolName is null");
        requireNonNull(input, "input is null");
        if (!workingDir.isAbsolute()) {
            throw new IllegalArgumentException("workingDir must be absolute: " + workingDir);
        }
        workingDir = workingDir.normalize();
    }

    /** The string field {@code name} of the input, or null when it is absent or not a string. */
    String text(String name) {
        JsonNode v = input.get(name);
        return v != null && v.isString() ? v.asString() : null;
    }
}
