package io.agentd.daemon.session;

import io.agentd.daemon.session.ingest.IngestContext;
import io.agentd.store.session.SessionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * What becomes of the followed sessions when the daemon stops: left running for the next daemon
 * ({@code --detach-sessions}), or interrupted, given the shutdown timeout, then killed.
 */
final class SessionShutdown {
    private static final Logger log = LoggerFactory.getLogger(SessionShutdown.class);
    private static final EnumSet<SessionStatus> STOPPABLE = EnumSet.of(SessionStatus.STARTING, SessionStatus.RUNNING,
            SessionStatus.WAITING_INPUT);
    private static final Duration DETACH_JOIN = Duration.ofSeconds(5);
    private static final Duration END_JOIN = Duration.ofSeconds(10);

    private final IngestContext ctx;
    private final SessionTransitions transitions;
    private final InterruptEscalation signals;

    SessionShutdown(IngestContext ctx, SessionTransitions transitions, InterruptEscalation signals) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.transitions = requireNonNull(transitions, "transitions is null");
        this.signals = requireNonNull(signals, "signals is null");
    }

    /** Stops following; the processes keep running and their spools keep growing for the next daemon. */
    void detach(List<ActiveSession> sessions) {
        sessions.forEach(s -> {
            Thread follower = s.follower();
            if (follower != null) {
                follower.interrupt();
            }
        });
        joinAll(sessions, DETACH_JOIN);
        log.info("detached from {} running session(s); the next daemon re-attaches them", sessions.size());
    }

    /** Interrupts every session, waits up to {@code timeout} for all to end, kills the rest's process groups. */
    void end(List<ActiveSession> sessions, Duration timeout) {
        for (ActiveSession s : sessions) {
            try {
                ctx.database().write(tx -> {
                    ctx.processes().setInterruptRequested(tx.connection(), s.sessionId(), ctx.clock().instant());
                    return transitions.move(tx, s.sessionId(), STOPPABLE, SessionStatus.INTERRUPTING);
                });
            } catch (RuntimeException e) {
                log.warn("session {}: cannot record the shutdown interrupt: {}", s.sessionId(), e.getMessage());
            }
            signals.signal(s, "INT");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ActiveSession s : sessions) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                s.done().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                log.warn("session {} did not stop within {} s; killing its process group", s.sessionId(), timeout.toSeconds());
                signals.signal(s, "KILL");
            }
        }
        joinAll(sessions, END_JOIN);
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
}
