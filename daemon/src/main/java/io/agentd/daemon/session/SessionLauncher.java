package io.agentd.daemon.session;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.session.ingest.IngestContext;
import io.agentd.daemon.session.process.ClaudeCommand;
import io.agentd.daemon.session.process.ClaudeInvocation;
import io.agentd.daemon.session.process.ProcessLauncher;
import io.agentd.daemon.session.process.SpoolPaths;
import io.agentd.daemon.session.stream.ConversationEntry;
import io.agentd.daemon.session.stream.Summaries;
import io.agentd.store.StoreException;
import io.agentd.store.WriteWork;
import io.agentd.store.conversation.NewConversationEvent;
import io.agentd.store.mcp.McpServerRepository;
import io.agentd.store.mcp.McpServerRow;
import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.SessionOutcome;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Starts one session: stores its row, MCP servers, process row and first query, writes its
 * {@code --mcp-config}, and spawns Claude under the spool wrapper. Knows nothing of slots or of following;
 * the supervisor does that with what {@link #spawn} returns.
 */
final class SessionLauncher {
    private static final Logger log = LoggerFactory.getLogger(SessionLauncher.class);

    private final IngestContext ctx;
    private final SessionTransitions transitions;
    private final ProcessLauncher processes;
    private final McpInjection injection;
    private final McpConfigFiles mcpFiles;
    private final Path spoolRoot;
    private final McpServerRepository mcpServers = new McpServerRepository();

    SessionLauncher(IngestContext ctx, SessionTransitions transitions, ProcessLauncher processes, McpInjection injection,
                    McpConfigFiles mcpFiles, Path spoolRoot) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.transitions = requireNonNull(transitions, "transitions is null");
        this.processes = requireNonNull(processes, "processes is null");
        this.injection = requireNonNull(injection, "injection is null");
        this.mcpFiles = requireNonNull(mcpFiles, "mcpFiles is null");
        this.spoolRoot = requireNonNull(spoolRoot, "spoolRoot is null");
    }

    /** A session whose Claude process runs: its row as stored at launch and the handle to follow it by. */
    record Spawned(ActiveSession session, SessionRow row) {
        String runId() {
            return row.runId();
        }
    }

    /**
     * Stores the session and spawns Claude. The session is still {@code starting}: call
     * {@link #markRunning} once it is registered as active.
     *
     * @throws AgentdException when the spool cannot be prepared or Claude cannot be started (the session is
     *                         then stored failed with the reason)
     */
    Spawned spawn(LaunchSpec spec, Path binary) {
        String sessionId = UUID.randomUUID().toString();
        String runId = UUID.randomUUID().toString();
        SpoolPaths spool = SpoolPaths.of(spoolRoot, sessionId);
        Map<String, McpServerSpec> servers = injection.apply(spec.mcpServers(), sessionId, runId);
        Path mcpConfig;
        try {
            Files.createDirectories(spoolRoot);
            mcpConfig = servers.isEmpty() ? null : mcpFiles.write(spool, servers);
        } catch (IOException e) {
            throw AgentdException.internal("failed to launch Claude session: cannot prepare " + spool.dir() + ": "
                    + e.getMessage(), e);
        }
        Instant now = ctx.clock().instant();
        LaunchConfig launchConfig = launchConfig(spec);
        SessionRow row = SessionRow.newSession(sessionId, runId, spec.parentSessionId(), spec.query(),
                Summaries.of(spec.query()), spec.title(), spec.model(), spec.workingDir().toString(), launchConfig,
                spec.permissions(), now);
        store(row, servers, spool, mcpConfig, now);
        List<String> argv = ClaudeCommand.argv(new ClaudeInvocation(binary, spec.query(), spec.resumeClaudeSessionId(),
                spec.model(), mcpConfig, launchConfig.permissionPromptTool(), launchConfig.maxTurns(),
                launchConfig.systemPrompt(), launchConfig.appendSystemPrompt(), launchConfig.allowedTools(),
                launchConfig.disallowedTools(), launchConfig.additionalDirectories()));
        ProcessLauncher.Started started;
        try {
            started = processes.start(argv, spec.workingDir(), spool);
        } catch (IOException e) {
            String reason = "failed to launch Claude session: " + e.getMessage();
            ctx.database().write(tx -> transitions.finish(tx, sessionId, SessionStatus.FAILED, SessionOutcome.failed(reason)));
            mcpFiles.delete(mcpConfig);
            throw AgentdException.internal(reason, e);
        }
        log.info("session {} started: pid {} in {}", sessionId, started.identity().pid(), spec.workingDir());
        return new Spawned(new ActiveSession(sessionId, started.identity(), started.process(), spool, ctx.clock().instant()),
                row);
    }

    /**
     * Stores the spawned process and moves the session to {@code running}.
     *
     * @return null when stored; otherwise the write the database refused, for the follower to retry (Claude
     *         runs already, so the session is followed anyway)
     */
    WriteWork<?> markRunning(Spawned spawned) {
        ActiveSession session = spawned.session();
        String sessionId = session.sessionId();
        WriteWork<?> markRunning = tx -> {
            ctx.processes().setStarted(tx.connection(), sessionId, session.identity().pid(), session.identity().startTime());
            return transitions.move(tx, sessionId, EnumSet.of(SessionStatus.STARTING), SessionStatus.RUNNING);
        };
        try {
            ctx.database().write(markRunning);
            return null;
        } catch (StoreException e) {
            log.warn("session {}: cannot store its process yet, retrying while following: {}", sessionId, e.getMessage());
            return markRunning;
        }
    }

    private LaunchConfig launchConfig(LaunchSpec spec) {
        LaunchConfig c = spec.config();
        return new LaunchConfig(c.maxTurns(), c.systemPrompt(), c.appendSystemPrompt(), c.customInstructions(),
                injection.permissionTool(c.permissionPromptTool()), c.allowedTools(), c.disallowedTools(),
                c.additionalDirectories());
    }

    private void store(SessionRow row, Map<String, McpServerSpec> servers, SpoolPaths spool, Path mcpConfig, Instant now) {
        String sessionId = row.id();
        ctx.database().write(tx -> {
            ctx.sessions().insert(tx.connection(), row);
            for (var e : servers.entrySet()) {
                mcpServers.insert(tx.connection(), toRow(sessionId, e.getKey(), e.getValue()));
            }
            ctx.processes().insert(tx.connection(), sessionId, spool.dir().toString(),
                    mcpConfig == null ? null : mcpConfig.toString());
            if (!row.query().isBlank()) {
                ConversationEntry q = ConversationEntry.userQuery(row.query());
                var stored = ctx.conversation().append(tx.connection(),
                        NewConversationEvent.message(sessionId, null, now, q.role(), q.content()));
                ctx.events().conversationAppended(tx, row.runId(), List.of(stored));
            }
            return null;
        });
    }

    static McpServerRow toRow(String sessionId, String name, McpServerSpec s) {
        return s.isHttp()
                ? new McpServerRow.Http(sessionId, name, s.url(), s.headers())
                : new McpServerRow.Stdio(sessionId, name, s.command(), s.args(), s.env());
    }
}
