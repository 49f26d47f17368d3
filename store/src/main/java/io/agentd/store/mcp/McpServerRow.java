package io.agentd.store.mcp;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** An MCP server a session was launched with: a local command Claude runs, or a remote HTTP endpoint. */
public sealed interface McpServerRow {
    String sessionId();

    String name();

    /** A server Claude starts as a process and talks to over stdio. */
    record Stdio(String sessionId, String name, String command, List<String> args, Map<String, String> env)
            implements McpServerRow {
        public Stdio {
            requireNonNull(sessionId, "sessionId is null");
            requireNonNull(name, "name is null");
            requireNonNull(command, "command is null");
            args = args == null ? List.of() : List.copyOf(args);
            env = env == null ? Map.of() : Map.copyOf(env);
        }
    }

    /** A server Claude reaches over HTTP at {@code url}, sending {@code headers}. */
    record Http(String sessionId, String name, String url, Map<String, String> headers) implements McpServerRow {
        public Http {
            requireNonNull(sessionId, "sessionId is null");
            requireNonNull(name, "name is null");
            requireNonNull(url, "url is null");
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }
}
