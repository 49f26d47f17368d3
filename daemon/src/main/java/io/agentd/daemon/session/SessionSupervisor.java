package io.agentd.daemon.session;

import io.agentd.daemon.claude.ClaudeBinary;
import io.agentd.daemon.claude.ClaudeLocator;
import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.session.follow.SpoolFollower;
import io.agentd.daemon.session.follow.SpoolWatcher;
import io.agentd.daemon.session.ingest.IngestContext;
import io.agentd.daemon.session.ingest.SessionIngestor;
import io.agentd.daemon.session.ingest.StoreRetry;
import io.agentd.daemon.session.process.ClaudeCommand;
import io.agentd.daemon.session.process.ClaudeInvocation;
import io.agentd.daemon.session.process.ProcessIdentity;
import io.agentd.daemon.session.process.ProcessLauncher;
import io.agentd.daemon.session.process.Signals;
import io.agentd.daemon.session.process.SpoolPaths;
import io.agentd.daemon.session.stream.ConversationEntry;
import io.agentd.daemon.session.stream.Summaries;
import io.agentd.store.Database;
import io.agentd.store.StoreException;
import io.agentd.store.WriteWork;
import io.agentd.store.conversation.EventType;
import io.agentd.store.conversation.NewConversationEvent;
import io.agentd.store.mcp.McpServerRepository;
import io.agentd.store.mcp.McpServerRow;
import io.agentd.store.process.ProcessRow;
import io.agentd.store.session.SessionOutcome;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * Starts Claude processes for sessions, follows each one's spooled output on its own virtual thread,
 * interrupts them, re-attaches to them after a daemon restart, and ends them at shutdown. Status
 * changes go through {@link SessionTransitions}.
 */
public final class SessionSupervisor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionSupervisor.class);
    private static final EnumSet<SessionStatus> INTERRUPTIBLE = EnumSet.of(SessionStatus.RUNNING, SessionStatus.WAITING_INPUT);

    private final IngestContext ctx;
    private final SessionTransitions transitions;
    private final ClaudeLocator claude;
    private final ProcessLauncher launcher;
    private final SpoolWatcher watcher;
    private final McpInjection injection;
    private final SupervisorConfig config;
    private final Clock clock;
    private final McpServerRepository mcpServers = new McpServerRepository();
    private final ConcurrentMap<String, ActiveSession> active = new ConcurrentHashMap<>();
    private final McpConfigFiles mcpFiles = new McpConfigFiles();
    private final UnapprovedDenials unapprovedDenials;
    private int reserved;
    private volatile boolean detaching;
    private IdleWatchdog idleWatchdog;

    public SessionSupervisor(IngestContext ctx, SessionTransitions transitions, ClaudeLocator claude,
                             ProcessLauncher launcher, SpoolWatcher watcher, McpInjection injection,
                             SupervisorConfig config) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.transitions = requireNonNull(transitions, "transitions is null");
        this.claude = requireNonNull(claude, "claude is null");
        this.launcher = requireNonNull(launcher, "launcher is null");
        this.watcher = requireNonNull(watcher, "watcher is null");
        this.injection = requireNonNull(injection, "injection is null");
        this.config = requireNonNull(config, "config is null");
        this.clock = ctx.clock();
        this.unapprovedDenials = new UnapprovedDenials(ctx.database());
    }

    /** The ids of a started session. */
    public record Launched(String sessionId, String runId) {
    }

    /** Sessions with a live Claude process followed by this daemon. */
    public int activeCount() {
        return active.size();
    }

    public boolean isActive(String sessionId) {
        return active.containsKey(sessionId);
    }

    /**
     * Refuses, before anything changes, when the injected approvals server cannot run (see {@link McpInjection}).
     * {@link #launch} checks it too; a continuation asks first, so a running parent is not interrupted in vain.
     */
    public void requireRunnableApprovals() {
        injection.requireRunnableApprovals();
    }

    /** Starts a session: stores it, spawns Claude, starts following. */
    public Launched launch(LaunchSpec spec) {
        ClaudeBinary binary = claude.current();
        if (!binary.available()) {
            throw AgentdException.unavailable("cannot launch session: claude not available: " + binary.error());
        }
        injection.requireRunnableApprovals();
        reserveSlot();
        try {
            return start(spec, binary.path());
        } finally {
            releaseSlot();
        }
    }

    private Launched start(LaunchSpec spec, Path binary) {
        String sessionId = UUID.randomUUID().toString();
        String runId = UUID.randomUUID().toString();
        SpoolPaths spool = SpoolPaths.of(config.spoolRoot(), sessionId);
        Map<String, McpServerSpec> servers = injection.apply(spec.mcpServers(), sessionId, runId);
        Path mcpConfig;
        try {
            Files.createDirectories(config.spoolRoot());
            mcpConfig = servers.isEmpty() ? null : mcpFiles.write(spool, servers);
        } catch (IOException e) {
            throw AgentdException.internal("failed to launch Claude session: cannot prepare " + spool.dir() + ": "
                    + e.getMessage(), e);
        }
        Instant now = clock.instant();
        var launchConfig = new io.agentd.store.session.LaunchConfig(spec.config().maxTurns(), spec.config().systemPrompt(),
                spec.config().appendSystemPrompt(), spec.config().customInstructions(),
                injection.permissionTool(spec.config().permissionPromptTool()), spec.config().allowedTools(),
                spec.config().disallowedTools(), spec.config().additionalDirectories());
        SessionRow row = SessionRow.newSession(sessionId, runId, spec.parentSessionId(), spec.query(),
                Summaries.of(spec.query()), spec.title(), spec.model(), spec.workingDir().toString(), launchConfig,
                spec.permissions(), now);
        ctx.database().write(tx -> {
            ctx.sessions().insert(tx.connection(), row);
            for (var e : servers.entrySet()) {
                mcpServers.insert(tx.connection(), toRow(sessionId, e.getKey(), e.getValue()));
            }
            ctx.processes().insert(tx.connection(), sessionId, spool.dir().toString(),
                    mcpConfig == null ? null : mcpConfig.toString());
            if (!spec.query().isBlank()) {
                ConversationEntry q = ConversationEntry.userQuery(spec.query());
                var stored = ctx.conversation().append(tx.connection(), new NewConversationEvent(sessionId, null,
                        EventType.MESSAGE, now, q.role(), q.content(), null, null, null, null, null, null));
                ctx.events().conversationAppended(tx, runId, List.of(stored));
            }
            return null;
        });
        List<String> argv = ClaudeCommand.argv(new ClaudeInvocation(binary, spec.query(), spec.resumeClaudeSessionId(),
                spec.model(), mcpConfig, launchConfig.permissionPromptTool(), launchConfig.maxTurns(),
                launchConfig.systemPrompt(), launchConfig.appendSystemPrompt(), launchConfig.allowedTools(),
                launchConfig.disallowedTools(), launchConfig.additionalDirectories()));
        ProcessLauncher.Started started;
        try {
            started = launcher.start(argv, spec.workingDir(), spool);
        } catch (IOException e) {
            String reason = "failed to launch Claude session: " + e.getMessage();
            ctx.database().write(tx -> transitions.finish(tx, sessionId, SessionStatus.FAILED,
                    new SessionOutcome(null, null, null, null, null, reason)));
            mcpFiles.delete(mcpConfig);
            throw AgentdException.internal(reason, e);
        }
        ActiveSession session = new ActiveSession(sessionId, started.identity(), started.process(), spool, clock.instant());
        active.put(sessionId, session);
        WriteWork<?> markRunning = tx -> {
            ctx.processes().setStarted(tx.connection(), sessionId, started.identity().pid(), started.identity().startTime());
            return transitions.move(tx, sessionId, EnumSet.of(SessionStatus.STARTING), SessionStatus.RUNNING);
        };
        WriteWork<?> unstored = null;
        try {
            ctx.database().write(markRunning);
        } catch (StoreException e) {
            // Claude runs already: follow it anyway, and store its pid once the database takes writes again.
            log.warn("session {}: cannot store its process yet, retrying while following: {}", sessionId, e.getMessage());
            unstored = markRunning;
        }
        log.info("session {} started: pid {} in {}", sessionId, started.identity().pid(), spec.workingDir());
        follow(session, row, 0, unstored);
        return new Launched(sessionId, runId);
    }

    /** Asks Claude to stop: SIGINT now, SIGTERM and SIGKILL to its process group if it lingers. */
    public void interrupt(String sessionId) {
        SessionRow row = ctx.database().read(c -> ctx.sessions().find(c, sessionId))
                .orElseThrow(() -> AgentdException.notFound("failed to interrupt session: session not found: " + sessionId));
        if (!INTERRUPTIBLE.contains(row.status())) {
            throw AgentdException.conflict("cannot interrupt session with status " + row.status().wireName()
                    + " (must be running)");
        }
        ActiveSession session = active.get(sessionId);
        if (session == null) {
            throw AgentdException.conflict("failed to interrupt session: session not found or not active");
        }
        ctx.database().write(tx -> {
            ctx.processes().setInterruptRequested(tx.connection(), sessionId, clock.instant());
            return transitions.move(tx, sessionId, INTERRUPTIBLE, SessionStatus.INTERRUPTING);
        });
        signalEscalating(session);
    }

    private void signalEscalating(ActiveSession session) {
        long pgid = session.identity().pid();
        Signals.toGroup(pgid, "INT");
        Thread.ofVirtual().name("interrupt-" + session.sessionId()).start(() -> {
            for (String next : List.of("TERM", "KILL")) {
                try {
                    session.done().get(config.interruptGrace().toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException e) {
                    if (session.exited()) {
                        return;
                    }
                    log.warn("session {} still running {} ms after the last signal; sending SIG{}", session.sessionId(),
                            config.interruptGrace().toMillis(), next);
                    Signals.toGroup(pgid, next);
                } catch (InterruptedException e) {
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    return;
                }
            }
        });
    }

    /**
     * Starts stopping sessions whose Claude writes nothing for {@code --session-idle-timeout} (see
     * {@link IdleWatchdog}); call after {@link #recover()}. Does nothing when the timeout is zero.
     */
    public void watchIdleSessions() {
        if (config.idleTimeout().isPositive() && idleWatchdog == null) {
            idleWatchdog = new IdleWatchdog(ctx, config.idleTimeout(), active::values, this::stop);
            idleWatchdog.start();
        }
    }

    /**
     * Stops a session agentd gave up on, with the interrupt escalation; it ends {@code failed} with
     * {@code reason}. The reason is stored first, so a daemon restarted meanwhile finishes the job.
     */
    void stop(ActiveSession session, String reason) {
        if (!session.stopFor(reason)) {
            return;
        }
        log.warn("session {}: {}", session.sessionId(), reason);
        try {
            ctx.database().write(tx -> {
                ctx.processes().setStopReason(tx.connection(), session.sessionId(), reason);
                return null;
            });
        } catch (StoreException e) {
            log.warn("session {}: cannot store why it is stopped, stopping it anyway: {}", session.sessionId(), e.getMessage());
        }
        signalEscalating(session);
    }

    /** Waits until a session's end is stored; empty if it is not active or the wait timed out. */
    public Optional<SessionStatus> awaitEnd(String sessionId, Duration timeout) throws InterruptedException {
        ActiveSession session = active.get(sessionId);
        if (session == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(session.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            return Optional.empty();
        }
    }

    /**
     * At daemon start: re-attach to every session whose process is still alive or left output to process;
     * only a session whose process vanished without a trace is marked failed.
     */
    public void recover() {
        List<SessionRow> rows = ctx.database().read(c -> ctx.sessions().withStatus(c, SessionStatus.ACTIVE));
        for (SessionRow row : rows) {
            Optional<ProcessRow> proc = ctx.database().read(c -> ctx.processes().find(c, row.id()));
            Optional<ProcessRow> started = proc.filter(p -> p.pid() != null);
            SpoolPaths spool = started.map(p -> new SpoolPaths(Path.of(p.spoolDir()))).orElse(null);
            if (started.isEmpty() || !Files.exists(spool.dir())) {
                try {
                    ctx.database().write(tx -> transitions.finish(tx, row.id(), SessionStatus.FAILED,
                            new SessionOutcome(null, null, null, null, null, "daemon restarted while session was active")));
                    log.warn("session {} marked failed: its process left no trace", row.id());
                } catch (StoreException e) {
                    log.warn("session {} left no trace but cannot be marked failed now (the next start retries): {}",
                            row.id(), e.getMessage());
                }
                continue;
            }
            ProcessRow p = started.get();
            ActiveSession session = new ActiveSession(row.id(), new ProcessIdentity(p.pid(), p.startTime()), null, spool,
                    clock.instant());
            if (p.stopReason() != null) {
                session.stopFor(p.stopReason());
            }
            active.put(row.id(), session);
            WriteWork<?> unstored = null;
            if (row.status() == SessionStatus.STARTING) {
                WriteWork<?> markRunning = tx -> transitions.move(tx, row.id(), EnumSet.of(SessionStatus.STARTING),
                        SessionStatus.RUNNING);
                try {
                    ctx.database().write(markRunning);
                } catch (StoreException e) {
                    log.warn("session {}: cannot store it running yet, retrying while following: {}", row.id(), e.getMessage());
                    unstored = markRunning;
                }
            }
            boolean alive = session.identity().isAlive();
            log.info("session {} re-attached (process {} {}), resuming its output at byte {}", row.id(), p.pid(),
                    alive ? "alive" : "already ended", p.stdoutOffset());
            follow(session, row, p.stdoutOffset(), unstored);
            if (alive && (row.status() == SessionStatus.INTERRUPTING || session.stopReason() != null)) {
                signalEscalating(session); // the previous daemon was stopping it
            }
        }
    }

    /**
     * Follows a session on its own thread.
     *
     * @param unstored a write the database refused at launch, stored first (with retries); null if none
     */
    private void follow(ActiveSession session, SessionRow row, long offset, WriteWork<?> unstored) {
        Thread thread = Thread.ofVirtual().name("session-" + session.sessionId())
                .unstarted(() -> run(session, row, offset, unstored));
        session.follower(thread);
        thread.start();
    }

    private void run(ActiveSession session, SessionRow row, long offset, WriteWork<?> unstored) {
        SessionIngestor ingestor = new SessionIngestor(ctx, row);
        try (SpoolWatcher.Registration registration = watcher.register(session.spool().dir())) {
            if (unstored != null) {
                StoreRetry.write(ctx.database(), "session " + session.sessionId() + ": storing its process", unstored);
            }
            if (offset > 0) {
                ingestor.recallStoredResult();
            }
            SpoolFollower follower = new SpoolFollower(session.spool().stdout(), registration.wakeup(), session::exited,
                    config.maxLineBytes());
            follower.follow(offset, ingestor, ingestor);
            ingestor.flush();
        } catch (InterruptedException e) {
            log.info("session {}: stopped following (daemon detaching)", session.sessionId());
            return;
        } catch (IOException | RuntimeException e) {
            if (detaching) {
                return;
            }
            log.error("session {}: following its output failed", session.sessionId(), e);
        }
        try {
            end(session, ingestor);
        } catch (InterruptedException e) {
            log.info("session {}: stopped before its end was stored (daemon detaching)", session.sessionId());
        } catch (RuntimeException e) {
            log.error("session {}: storing its end failed", session.sessionId(), e);
        }
    }

    private void end(ActiveSession session, SessionIngestor ingestor) throws InterruptedException {
        String id = session.sessionId();
        Integer exit = SessionEnding.readExitCode(session.spool().exitCode());
        if (exit == null) {
            exit = session.parentObservedExit();
        }
        Optional<ProcessRow> proc = ctx.database().read(c -> ctx.processes().find(c, id));
        boolean interrupted = proc.map(p -> p.interruptRequestedAt() != null).orElse(false);
        String stopReason = session.stopReason() != null ? session.stopReason() : proc.map(ProcessRow::stopReason).orElse(null);
        SessionEnding ending = SessionEnding.decide(interrupted, stopReason, ingestor.state().result(), exit,
                SessionEnding.stderrTail(session.spool().stderr()));
        Integer exitCode = exit;
        StoreRetry.write(ctx.database(), "session " + id + ": storing its end", tx -> {
            ctx.processes().setEnded(tx.connection(), id, exitCode, clock.instant());
            return transitions.finish(tx, id, ending.status(), ending.outcome());
        });
        proc.map(ProcessRow::mcpConfigPath).map(Path::of).ifPresent(mcpFiles::delete);
        active.remove(id);
        session.done().complete(ending.status());
        log.info("session {} ended {} (exit {})", id, ending.status().wireName(), exit);
        unapprovedDenials.warnIfAny(id, ingestor.state().result());
    }

    /**
     * Stops following. With {@code detach} the processes keep running for the next daemon; otherwise each
     * is interrupted, given {@code timeout} to end, then killed, and every session is left terminal.
     */
    public void shutdown(boolean detach, Duration timeout) {
        if (idleWatchdog != null) {
            idleWatchdog.close();
        }
        List<ActiveSession> sessions = new ArrayList<>(active.values());
        if (detach) {
            detaching = true;
            sessions.forEach(s -> s.follower().interrupt());
            joinAll(sessions, Duration.ofSeconds(5));
            log.info("detached from {} running session(s); the next daemon re-attaches them", sessions.size());
            return;
        }
        for (ActiveSession s : sessions) {
            try {
                ctx.database().write(tx -> {
                    ctx.processes().setInterruptRequested(tx.connection(), s.sessionId(), clock.instant());
                    return transitions.move(tx, s.sessionId(), EnumSet.of(SessionStatus.STARTING, SessionStatus.RUNNING,
                            SessionStatus.WAITING_INPUT), SessionStatus.INTERRUPTING);
                });
            } catch (RuntimeException e) {
                log.warn("session {}: cannot record the shutdown interrupt: {}", s.sessionId(), e.getMessage());
            }
            Signals.toGroup(s.identity().pid(), "INT");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ActiveSession s : sessions) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                s.done().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                log.warn("session {} did not stop within {} s; killing its process group", s.sessionId(), timeout.toSeconds());
                Signals.toGroup(s.identity().pid(), "KILL");
            }
        }
        joinAll(sessions, Duration.ofSeconds(10));
    }

    private static void joinAll(List<ActiveSession> sessions, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ActiveSession s : sessions) {
            Thread t = s.follower();
            if (t == null) {
                continue;
            }
            try {
                t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized void reserveSlot() {
        if (active.size() + reserved >= config.maxSessions()) {
            throw AgentdException.unavailable("cannot launch session: " + config.maxSessions()
                    + " sessions are already running (the limit set by --max-sessions)");
        }
        reserved++;
    }

    private synchronized void releaseSlot() {
        reserved--;
    }

    private static McpServerRow toRow(String sessionId, String name, McpServerSpec s) {
        return s.isHttp()
                ? new McpServerRow(sessionId, name, "http", List.of(s.url()), s.headers())
                : new McpServerRow(sessionId, name, s.command(), s.args(), s.env());
    }

    @Override
    public void close() {
        watcher.close();
    }

    Database database() {
        return ctx.database();
    }
}
