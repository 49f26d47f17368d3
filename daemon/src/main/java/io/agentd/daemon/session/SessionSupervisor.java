package io.agentd.daemon.session;

import io.agentd.daemon.claude.ClaudeBinary;
import io.agentd.daemon.claude.ClaudeLocator;
import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.session.follow.SpoolWatcher;
import io.agentd.daemon.session.ingest.IngestContext;
import io.agentd.daemon.session.process.ProcessLauncher;
import io.agentd.store.Database;
import io.agentd.store.StoreException;
import io.agentd.store.WriteWork;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * The sessions this daemon follows and the launch slots ({@code --max-sessions}). Each job is a part of its
 * own: {@link SessionLauncher} starts Claude, {@link SessionFollower} follows a session to its end,
 * {@link InterruptEscalation} stops one, {@link SessionRecovery} finds the sessions a previous daemon left,
 * {@link SessionShutdown} ends or detaches them all; the supervisor decides which session goes where.
 * Status changes go through {@link SessionTransitions}.
 */
public final class SessionSupervisor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionSupervisor.class);
    private static final EnumSet<SessionStatus> INTERRUPTIBLE = EnumSet.of(SessionStatus.RUNNING, SessionStatus.WAITING_INPUT);

    private final IngestContext ctx;
    private final SessionTransitions transitions;
    private final ClaudeLocator claude;
    private final SpoolWatcher watcher;
    private final SupervisorConfig config;
    private final McpInjection injection;
    private final SessionLauncher launcher;
    private final SessionFollower follower;
    private final InterruptEscalation escalation;
    private final SessionRecovery recovery;
    private final SessionShutdown shutdown;
    private final ConcurrentMap<String, ActiveSession> active = new ConcurrentHashMap<>();
    private int reserved;
    private volatile boolean detaching;
    private IdleWatchdog idleWatchdog;

    public SessionSupervisor(IngestContext ctx, SessionTransitions transitions, ClaudeLocator claude,
                             ProcessLauncher launcher, SpoolWatcher watcher, McpInjection injection,
                             SupervisorConfig config) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.transitions = requireNonNull(transitions, "transitions is null");
        this.claude = requireNonNull(claude, "claude is null");
        this.watcher = requireNonNull(watcher, "watcher is null");
        this.config = requireNonNull(config, "config is null");
        this.injection = requireNonNull(injection, "injection is null");
        McpConfigFiles mcpFiles = new McpConfigFiles();
        this.launcher = new SessionLauncher(ctx, transitions, requireNonNull(launcher, "launcher is null"),
                injection, mcpFiles, config.spoolRoot());
        this.follower = new SessionFollower(ctx, transitions, watcher, mcpFiles, config.maxLineBytes(), () -> detaching,
                s -> active.remove(s.sessionId()));
        this.escalation = InterruptEscalation.withKill(config.interruptGrace());
        this.recovery = new SessionRecovery(ctx, transitions);
        this.shutdown = new SessionShutdown(ctx, transitions, escalation);
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
            SessionLauncher.Spawned spawned = launcher.spawn(spec, binary.path());
            ActiveSession session = spawned.session();
            active.put(session.sessionId(), session);
            WriteWork<?> unstored = launcher.markRunning(spawned);
            follower.follow(session, spawned.row(), 0, unstored);
            return new Launched(session.sessionId(), spawned.runId());
        } finally {
            releaseSlot();
        }
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
            ctx.processes().setInterruptRequested(tx.connection(), sessionId, ctx.clock().instant());
            return transitions.move(tx, sessionId, INTERRUPTIBLE, SessionStatus.INTERRUPTING);
        });
        escalation.escalate(session);
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
        escalation.escalate(session);
    }

    /** Waits until a session's end is stored; empty if it is not active or the wait timed out. */
    public Optional<SessionStatus> awaitEnd(String sessionId, Duration timeout) throws InterruptedException {
        ActiveSession session = active.get(sessionId);
        if (session == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(session.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        }
    }

    /**
     * At daemon start: re-attach to every session whose process is still alive or left output to process;
     * only a session whose process vanished without a trace is marked failed.
     */
    public void recover() {
        for (SessionRecovery.Reattached r : recovery.recover()) {
            active.put(r.session().sessionId(), r.session());
            follower.follow(r.session(), r.row(), r.offset(), r.unstored());
            if (r.stopping()) {
                escalation.escalate(r.session()); // the previous daemon was stopping it
            }
        }
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
            shutdown.detach(sessions);
        } else {
            shutdown.end(sessions, timeout);
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

    @Override
    public void close() {
        watcher.close();
    }

    Database database() {
        return ctx.database();
    }
}
