package io.agentd.daemon.session;

import io.agentd.daemon.session.ingest.IngestContext;
import io.agentd.daemon.session.process.ProcessIdentity;
import io.agentd.daemon.session.process.SpoolPaths;
import io.agentd.store.StoreException;
import io.agentd.store.WriteWork;
import io.agentd.store.process.ProcessRow;
import io.agentd.store.session.SessionOutcome;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * At daemon start, finds what the previous daemon left: every non-terminal session whose process is alive
 * or left output to process is handed back to be followed from its stored offset; a session whose process
 * vanished without a trace is marked failed.
 */
final class SessionRecovery {
    private static final Logger log = LoggerFactory.getLogger(SessionRecovery.class);
    static final String NO_TRACE = "daemon restarted while session was active";

    private final IngestContext ctx;
    private final SessionTransitions transitions;

    SessionRecovery(IngestContext ctx, SessionTransitions transitions) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.transitions = requireNonNull(transitions, "transitions is null");
    }

    /**
     * A session to follow again.
     *
     * @param offset   how much of its stdout the previous daemon stored
     * @param unstored a write the database refused (marking it running), for the follower to retry; null if none
     * @param stopping whether the previous daemon was stopping it (an interrupt or agentd's own stop), so
     *                 the interrupt escalation must be resumed
     */
    record Reattached(ActiveSession session, SessionRow row, long offset, WriteWork<?> unstored, boolean stopping) {
    }

    /** Marks the sessions that left no trace failed and returns the others, in creation order. */
    List<Reattached> recover() {
        List<SessionRow> rows = ctx.database().read(c -> ctx.sessions().withStatus(c, SessionStatus.ACTIVE));
        List<Reattached> reattached = new ArrayList<>();
        for (SessionRow row : rows) {
            Optional<ProcessRow> started = ctx.database().read(c -> ctx.processes().find(c, row.id()))
                    .filter(p -> p.pid() != null);
            if (started.isEmpty() || !Files.exists(Path.of(started.get().spoolDir()))) {
                markFailed(row);
            } else {
                reattached.add(reattach(row, started.get()));
            }
        }
        return reattached;
    }

    private void markFailed(SessionRow row) {
        try {
            ctx.database().write(tx -> transitions.finish(tx, row.id(), SessionStatus.FAILED, SessionOutcome.failed(NO_TRACE)));
            log.warn("session {} marked failed: its process left no trace", row.id());
        } catch (StoreException e) {
            log.warn("session {} left no trace but cannot be marked failed now (the next start retries): {}",
                    row.id(), e.getMessage());
        }
    }

    private Reattached reattach(SessionRow row, ProcessRow p) {
        SpoolPaths spool = new SpoolPaths(Path.of(p.spoolDir()));
        ActiveSession session = new ActiveSession(row.id(), new ProcessIdentity(p.pid(), p.startTime()), null, spool,
                ctx.clock().instant());
        if (p.stopReason() != null) {
            session.stopFor(p.stopReason());
        }
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
        boolean stopping = alive && (row.status() == SessionStatus.INTERRUPTING || session.stopReason() != null);
        return new Reattached(session, row, p.stdoutOffset(), unstored, stopping);
    }
}
