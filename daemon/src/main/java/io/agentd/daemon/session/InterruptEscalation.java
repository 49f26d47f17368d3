package io.agentd.daemon.session;

import io.agentd.daemon.session.process.Signals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * Stops a session's process group the way a terminal would, then harder: SIGINT now, SIGTERM if the
 * session has not ended {@code grace} later, SIGKILL after another {@code grace}. The waiting happens on an
 * {@code interrupt-<id>} virtual thread, so the caller (an RPC or the idle watchdog) returns at once.
 */
final class InterruptEscalation {
    private static final Logger log = LoggerFactory.getLogger(InterruptEscalation.class);
    private static final List<String> AFTER_INT = List.of("TERM", "KILL");

    /** Sends a signal (INT, TERM, KILL) to a process group; {@link Signals#toGroup} outside tests. */
    @FunctionalInterface
    interface GroupSignals {
        void send(long processGroup, String signal);
    }

    private final Duration grace;
    private final GroupSignals signals;

    InterruptEscalation(Duration grace, GroupSignals signals) {
        this.grace = requireNonNull(grace, "grace is null");
        this.signals = requireNonNull(signals, "signals is null");
    }

    /** With the real {@code kill}. */
    static InterruptEscalation withKill(Duration grace) {
        return new InterruptEscalation(grace, Signals::toGroup);
    }

    /** Sends SIGINT to the session's group and starts the thread that escalates; returns that thread. */
    Thread escalate(ActiveSession session) {
        long pgid = session.identity().pid();
        signals.send(pgid, "INT");
        return Thread.ofVirtual().name("interrupt-" + session.sessionId()).start(() -> escalateWhileAlive(session, pgid));
    }

    /** Sends one signal to the session's group, without escalation (shutdown does its own waiting). */
    void signal(ActiveSession session, String signal) {
        signals.send(session.identity().pid(), signal);
    }

    private void escalateWhileAlive(ActiveSession session, long pgid) {
        for (String next : AFTER_INT) {
            try {
                session.done().get(grace.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (session.exited()) {
                    return;
                }
                log.warn("session {} still running {} ms after the last signal; sending SIG{}", session.sessionId(),
                        grace.toMillis(), next);
                signals.send(pgid, next);
            } catch (InterruptedException | ExecutionException e) {
                return;
            }
        }
    }
}
