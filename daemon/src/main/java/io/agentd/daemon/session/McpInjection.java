package io.agentd.daemon.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * hld's MCP injection: the approvals server {@code codelayer} (when a command is configured), and the
 * variables every server needs to report back to this daemon for this session.
 */
public final class McpInjection {
    /** The permission tool hld's clients expect; only set when the approvals server is injected. */
    public static final String DEFAULT_PERMISSION_TOOL = "mcp__codelayer__request_permission";
    static final String SERVER_NAME = "codelayer";

    private final List<String> approvalsCommand;
    private final Path socketPath;

    public McpInjection(List<String> approvalsCommand, Path socketPath) {
        this.approvalsCommand = List.copyOf(approvalsCommand);
        this.socketPath = socketPath;
    }

    public boolean injectsApprovals() {
        return !approvalsCommand.isEmpty();
    }

    /** The servers to give Claude, sorted by name. */
    public Map<String, McpServerSpec> apply(Map<String, McpServerSpec> requested, String sessionId, String runId) {
        Map<String, McpServerSpec> servers = new TreeMap<>(requested);
        if (injectsApprovals()) {
            servers.put(SERVER_NAME, McpServerSpec.stdio(approvalsCommand.getFirst(),
                    approvalsCommand.subList(1, approvalsCommand.size()),
                    Map.of("HUMANLAYER_SESSION_ID", sessionId, "HUMANLAYER_DAEMON_SOCKET", socketPath.toString())));
        }
        servers.replaceAll((name, server) -> server.isHttp()
                ? server.withHeaderIfAbsent("X-Session-ID", sessionId)
                : server.withEnv(Map.of("HUMANLAYER_RUN_ID", runId, "HUMANLAYER_DAEMON_SOCKET", socketPath.toString())));
        return servers;
    }

    /** The permission tool to pass: the requested one, else the default when approvals are injected. */
    public String permissionTool(String requested) {
        if (requested != null && !requested.isBlank()) {
            return requested;
        }
        return injectsApprovals() ? DEFAULT_PERMISSION_TOOL : null;
    }
}
