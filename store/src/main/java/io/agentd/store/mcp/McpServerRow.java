package io.agentd.store.mcp;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * An MCP server a session was launched with. HTTP servers are stored as hld stores them: command
 * {@code http}, the URL as the only argument, headers as env.
 */
public record McpServerRow(String sessionId, String name, String command, List<String> args, Map<String, String> env) {
    public McpServerRow {
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(name, "name is null");
        requireNonNull(command, "command is null");
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
    }
}
