package io.agentd.daemon.session;

import io.agentd.store.job.LongLivedJob;
import io.agentd.daemon.session.ingest.IngestContext;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Stops sessions whose Claude has written nothing to stdout for {@code --session-idle-timeout}: a hung
 * process would otherwise hold a session slot (and whatever it locked) forever.
 *
 * <p>Idleness is measured from the last write to the session's stdout spool file (its modification time),
 * so it survives a daemon restart: a process that hung while no daemon ran is stopped soon after the next
 * start, not a full timeout later. Time waiting for a tool approval does not count, since a person may take
 * hours: a session in {@code waiting_input} is never stopped, and its clock starts again when its latest
 * approval is decided. Only {@code running} sessions are stopped; the file's time is checked first and the
 * store only for a session that looks idle, so a check costs one {@code stat} per session.
 */
final class IdleWatchdog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IdleWatchdog.class);

    private final IngestContext ctx;
    private final Duration timeout;
    private final Supplier<Collection<ActiveSession>> sessions;
    private final BiConsumer<ActiveSession, String> stop;
    private Thread thread;

    /**
     * @param sessions the sessions being followed
     * @param stop stops one session, given the reason it ends {@code failed} with
     */
    IdleWatchdog(IngestContext ctx, Duration timeout, Supplier<Collection<ActiveSession>> sessions,
                 BiConsumer<ActiveSession, String> stop) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.stop = requireNonNull(stop, "stop is null");
        if (!timeout.isPositive()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** Checks on a virtual thread of its own, a tenth of the timeout apart (50 ms to 10 s). */
    void start() {
        Duration tick = clamp(timeout.dividedBy(10), Duration.ofMillis(50), Duration.ofSeconds(10));
        thread = Thread.ofVirtual().name("session-idle-watchdog").start(LongLivedJob.of("session-idle-watchdog", () -> {
            Thread.sleep(tick);
            try {
                check();
            } catch (RuntimeException e) {
                // Usually the store; its faults show in health already. The next tick tries again.
                log.warn("checking sessions for idleness failed: {}", e.getMessage());
            }
            return true;
        }));
    }

    /** One round: stops every running session idle for the timeout or longer. */
    void check() {
        Instant now = ctx.clock().instant();
        for (ActiveSession session : sessions.get()) {
            if (session.stopReason() != null || session.exited()) {
                continue;
            }
            Instant lastOutput = lastOutput(session);
            if (isIdle(lastOutput, now) && isIdleInStore(session.sessionId(), lastOutput, now)) {
                stop.accept(session, reason(timeout));
            }
        }
    }

    private boolean isIdle(Instant since, Instant now) {
        return Duration.between(since, now).compareTo(timeout) >= 0;
    }

    /** Whether the session is running, and no approval was decided within the timeout either. */
    private boolean isIdleInStore(String sessionId, Instant lastOutput, Instant now) {
        Optional<SessionRow> row = ctx.database().read(c -> ctx.sessions().find(c, sessionId));
        if (row.isEmpty() || row.get().status() != SessionStatus.RUNNING) {
            return false;
        }
        Optional<Instant> decided = ctx.database().read(c -> ctx.approvals().lastDecidedAt(c, sessionId));
        return isIdle(decided.filter(d -> d.isAfter(lastOutput)).orElse(lastOutput), now);
    }

    /** When Claude last wrote to stdout; since following began if there is no file yet. */
    private static Instant lastOutput(ActiveSession session) {
        try {
            return Files.getLastModifiedTime(session.spool().stdout()).toInstant();
        } catch (NoSuchFileException e) {
            return session.followedSince();
        } catch (IOException e) {
            log.debug("session {}: cannot read the spool's time: {}", session.sessionId(), e.getMessage());
            return Instant.MAX;
        }
    }

    /** The error a stopped session ends with, e.g. "no output from Claude for 30m; stopped by agentd". */
    static String reason(Duration timeout) {
        return "no output from Claude for " + human(timeout) + "; stopped by agentd";
    }

    /** A duration as it is written on the command line: 30m, 2h, 45s, 1500ms. */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
