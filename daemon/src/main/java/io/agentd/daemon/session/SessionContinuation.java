package io.agentd.daemon.session;

import io.agentd.daemon.approval.PermissionPolicy;
import io.agentd.daemon.error.AgentdException;
import io.agentd.store.Database;
import io.agentd.store.mcp.McpServerRepository;
import io.agentd.store.mcp.McpServerRow;
import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Continues a session as hld does: a new session (new session and run ids) that resumes the parent's
 * Claude conversation as a fork, inheriting its settings unless the request overrides them. A running
 * parent is interrupted first and awaited, with a timeout rather than forever.
 */
public final class SessionContinuation {
    private static final Set<SessionStatus> CONTINUABLE = EnumSet.of(SessionStatus.COMPLETED, SessionStatus.INTERRUPTED,
            SessionStatus.RUNNING, SessionStatus.FAILED);

    private final Database database;
    private final SessionRepository sessions = new SessionRepository();
    private final McpServerRepository mcpServers = new McpServerRepository();
    private final SessionSupervisor supervisor;
    private final Duration parentWait;
    private final PermissionPolicy policy;

    public SessionContinuation(Database database, SessionSupervisor supervisor, Duration parentWait, Clock clock) {
        this(database, supervisor, parentWait, new PermissionPolicy(clock));
    }

    /** Continues with what {@code policy} lets a child inherit. */
    public SessionContinuation(Database database, SessionSupervisor supervisor, Duration parentWait,
                               PermissionPolicy policy) {
        this.database = requireNonNull(database, "database is null");
        this.supervisor = requireNonNull(supervisor, "supervisor is null");
        this.parentWait = requireNonNull(parentWait, "parentWait is null");
        this.policy = requireNonNull(policy, "policy is null");
    }

    /** What a continue request may override; null or empty fields inherit. */
    public record Overrides(String query, String systemPrompt, String appendSystemPrompt, Map<String, McpServerSpec> mcpServers,
                            String permissionPromptTool, List<String> allowedTools, List<String> disallowedTools,
                            List<String> additionalDirectories, String customInstructions, Integer maxTurns) {
        public Overrides {
            requireNonNull(query, "query is null");
        }

        /** Only a new query: everything else is inherited from the parent. */
        public static Overrides inheritAll(String query) {
            return new Overrides(query, null, null, null, null, null, null, null, null, null);
        }
    }

    public SessionSupervisor.Launched continueSession(String parentId, Overrides o) throws InterruptedException {
        SessionRow parent = find(parentId);
        if (!CONTINUABLE.contains(parent.status())) {
            throw AgentdException.conflict("cannot continue session with status " + parent.status().wireName()
                    + " (must be completed, interrupted, running, or failed)");
        }
        if (blank(parent.claudeSessionId())) {
            throw AgentdException.conflict("parent session missing claude_session_id (cannot resume)");
        }
        if (blank(parent.workingDir())) {
            throw AgentdException.conflict("parent session missing working_dir (cannot resume)");
        }
        if (!Files.isDirectory(Path.of(parent.workingDir()))) {
            throw AgentdException.conflict("parent session's working directory no longer exists: " + parent.workingDir());
        }
        if (parent.status() == SessionStatus.RUNNING) {
            supervisor.requireRunnableApprovals();
            supervisor.interrupt(parentId);
            if (supervisor.awaitEnd(parentId, parentWait).isEmpty() && supervisor.isActive(parentId)) {
                throw AgentdException.conflict("the running parent session did not stop within " + parentWait.toSeconds()
                        + " s after being interrupted; try again");
            }
            parent = find(parentId);
        }
        return supervisor.launch(childSpec(parent, o));
    }

    private LaunchSpec childSpec(SessionRow parent, Overrides o) {
        LaunchConfig pc = parent.config();
        LaunchConfig config = new LaunchConfig(
                o.maxTurns(), // hld does not inherit max_turns: each continuation sets its own budget
                or(o.systemPrompt(), pc.systemPrompt()),
                or(o.appendSystemPrompt(), pc.appendSystemPrompt()),
                or(o.customInstructions(), pc.customInstructions()),
                or(o.permissionPromptTool(), pc.permissionPromptTool()),
                orList(o.allowedTools(), pc.allowedTools()),
                orList(o.disallowedTools(), pc.disallowedTools()),
                orList(o.additionalDirectories(), pc.additionalDirectories()));
        Map<String, McpServerSpec> servers = o.mcpServers() != null ? o.mcpServers() : inheritedServers(parent.id());
        PermissionSettings inherited = policy.inherited(parent.permissions());
        return new LaunchSpec(o.query(), parent.title(), parent.model(), Path.of(parent.workingDir()), config, servers,
                inherited, parent.id(), parent.claudeSessionId());
    }

    /** The parent's servers, minus the injected approvals server (it is injected afresh for the child). */
    private Map<String, McpServerSpec> inheritedServers(String parentId) {
        List<McpServerRow> rows = database.read(c -> mcpServers.bySession(c, parentId));
        Map<String, McpServerSpec> servers = new TreeMap<>();
        for (McpServerRow r : rows) {
            if (r.name().equals(McpInjection.SERVER_NAME)) {
                continue;
            }
            servers.put(r.name(), switch (r) {
                case McpServerRow.Http h -> McpServerSpec.http(h.url(), h.headers());
                case McpServerRow.Stdio s -> McpServerSpec.stdio(s.command(), s.args(), withoutInjected(s.env()));
            });
        }
        return servers;
    }

    private static Map<String, String> withoutInjected(Map<String, String> env) {
        Map<String, String> copy = new TreeMap<>(env);
        copy.remove("HUMANLAYER_RUN_ID");
        copy.remove("HUMANLAYER_DAEMON_SOCKET");
        return copy;
    }

    private SessionRow find(String id) {
        return database.read(c -> sessions.find(c, id))
                .orElseThrow(() -> AgentdException.notFound("failed to get parent session: session not found: " + id));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String or(String override, String inherited) {
        return blank(override) ? inherited : override;
    }

    private static List<String> orList(List<String> override, List<String> inherited) {
        return override == null || override.isEmpty() ? inherited : override;
    }
}
