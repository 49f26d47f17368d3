package io.agentd.daemon.session;

import io.agentd.daemon.error.AgentdException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

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
    private final ApprovalsServerCheck check;

    /** Checks the approvals command against this process's environment and working directory. */
    public McpInjection(List<String> approvalsCommand, Path socketPath) {
        this(approvalsCommand, socketPath, new ApprovalsServerCheck(approvalsCommand, System.getenv(),
                Path.of("").toAbsolutePath()));
    }

    public McpInjection(List<String> approvalsCommand, Path socketPath, ApprovalsServerCheck check) {
        this.approvalsCommand = List.copyOf(approvalsCommand);
        this.socketPath = socketPath;
        this.check = requireNonNull(check, "check is null");
    }

    /** Whether the injected approvals server can run, asked afresh (a few file lookups). */
    public ApprovalsServerCheck.Status approvalsServer() {
        return check.status();
    }

    /**
     * Refuses a launch whose Claude would get an approvals server that cannot start: Claude would then fall
     * back to its own permission mode and the session would run ungated.
     *
     * @throws AgentdException unavailable, naming the server and its problem
     */
    public void requireRunnableApprovals() {
        ApprovalsServerCheck.Status status = check.status();
        if (!status.usable()) {
            throw AgentdException.unavailable("cannot launch session: the approvals server cannot run: " + status.error()
                    + " (command: " + status.command() + "; fix it, or start agentd with --approvals-command ''"
                    + " to run sessions without approvals)");
        }
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
