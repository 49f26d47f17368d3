package io.agentd.daemon.session;

import java.util.List;
import java.util.Map;

/**
 * One MCP server of a session, as in Claude's {@code --mcp-config} file: a stdio server has a command,
 * an HTTP server a {@code type} of {@code http}, a URL and headers.
 */
public record McpServerSpec(String command, List<String> args, Map<String, String> env, String type, String url,
                            Map<String, String> headers) {
    public McpServerSpec {
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public boolean isHttp() {
        return "http".equals(type) || (command == null && url != null);
    }

    public static McpServerSpec stdio(String command, List<String> args, Map<String, String> env) {
        return new McpServerSpec(command, args, env, null, null, null);
    }

    /** A remote server Claude reaches over HTTP. */
    public static McpServerSpec http(String url, Map<String, String> headers) {
        return new McpServerSpec(null, List.of(), Map.of(), "http", url, headers);
    }

    public McpServerSpec withEnv(Map<String, String> extra) {
        Map<String, String> merged = new java.util.TreeMap<>(env);
        merged.putAll(extra);
        return new McpServerSpec(command, args, merged, type, url, headers);
    }

    public McpServerSpec withHeaderIfAbsent(String name, String value) {
        if (headers.containsKey(name)) {
            return this;
        }
        Map<String, String> merged = new java.util.TreeMap<>(headers);
        merged.put(name, value);
        return new McpServerSpec(command, args, env, type, url, merged);
    }
}
