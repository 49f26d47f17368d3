package io.agentd.daemon.session;

import io.agentd.daemon.session.ingest.IngestContext;
import io.agentd.daemon.session.process.ProcessIdentity;
import io.agentd.daemon.session.process.SpoolPaths;
import io.agentd.daemon.session.process.SpoolProcess;
import io.agentd.daemon.session.process.Signals;
import io.agentd.store.StoreException;
import io.agentd.store.WriteWork;
import io.agentd.store.process.ProcessRow;
import io.agentd.store.session.SessionOutcome;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Marks the sessions that left no trace failed and returns the others, in creation order. A session whose
     * pid the previous daemon had no time to store is found by its spool's pid file (the wrapper writes it
     * before Claude runs) and adopted; a spool with no pid file is claimed, so its wrapper, if it starts only
     * now, runs nothing, and the session is failed.
     */
    List<Reattached> recover() {
        List<SessionRow> rows = ctx.database().read(c -> ctx.sessions().withStatus(c, SessionStatus.ACTIVE));
        List<Reattached> reattached = new ArrayList<>();
        for (SessionRow row : rows) {
            Optional<ProcessRow> proc = ctx.database().read(c -> ctx.processes().find(c, row.id()));
            if (proc.isEmpty()) {
                markFailed(row);
                continue;
            }
            ProcessRow p = proc.get();
            if (p.pid() == null) {
                Optional<ProcessRow> adopted = adopt(row, p);
                if (adopted.isEmpty()) {
                    markFailed(row);
                    continue;
                }
                p = adopted.get();
            }
            if (!Files.exists(Path.of(p.spoolDir()))) {
                markFailed(row);
            } else {
                reattached.add(reattach(row, p));
            }
        }
        return reattached;
    }

    /** The process row completed from the spool's pid file, or empty when no process ever ran. */
    private Optional<ProcessRow> adopt(SessionRow row, ProcessRow p) {
        SpoolPaths spool = new SpoolPaths(Path.of(p.spoolDir()));
        SpoolProcess.State state;
        try {
            state = SpoolProcess.claimOrRead(spool);
        } catch (IOException e) {
            log.warn("session {}: cannot read its spool {}: {}", row.id(), spool.dir(), e.getMessage());
            return Optional.empty();
        }
        if (!(state instanceof SpoolProcess.Ran ran)) {
            return Optional.empty();
        }
        Instant startTime = ran.identity().map(ProcessIdentity::startTime).orElse(null);
        try {
            ctx.database().write(tx -> {
                ctx.processes().setStarted(tx.connection(), row.id(), ran.pid(), startTime);
                return null;
            });
        } catch (StoreException e) {
            log.warn("session {}: cannot store its adopted process {} now: {}", row.id(), ran.pid(), e.getMessage());
        }
        log.info("session {}: adopted process {} found in its spool ({})", row.id(), ran.pid(),
                ran.identity().isPresent() ? "alive" : "already ended");
        return Optional.of(new ProcessRow(p.sessionId(), ran.pid(), startTime, p.spoolDir(), p.stdoutOffset(),
                p.mcpConfigPath(), p.interruptRequestedAt(), p.exitCode(), p.endedAt(), p.stopReason()));
    }

    /**
     * Every spool not followed now ({@code followed} holds the session ids) belongs to an ended session, or to
     * none (a crash between writing the spool and storing the session): its MCP config (which may hold
     * credentials) is removed, and a process still running in it, which nobody could see or stop, is stopped.
     * Spools still wanted for audit are otherwise left to the janitor.
     */
    void sweepSpools(Path spoolRoot, Set<String> followed) {
        if (!Files.isDirectory(spoolRoot)) {
            return;
        }
        List<Path> dirs;
        try (var list = Files.list(spoolRoot)) {
            dirs = list.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            log.warn("cannot list spools in {}: {}", spoolRoot, e.getMessage());
            return;
        }
        for (Path dir : dirs) {
            String sessionId = dir.getFileName().toString();
            if (followed.contains(sessionId)) {
                continue;
            }
            SpoolPaths spool = new SpoolPaths(dir);
            try {
                if (Files.deleteIfExists(spool.mcpConfig())) {
                    log.info("removed the MCP config left in spool {}", dir);
                }
                if (!Files.exists(spool.exitCode())
                        && SpoolProcess.claimOrRead(spool) instanceof SpoolProcess.Ran ran && ran.identity().isPresent()) {
                    log.warn("spool {}: process {} runs for a session that is not active; stopping it", dir, ran.pid());
                    Signals.toGroup(ran.pid(), "TERM");
                }
            } catch (IOException | RuntimeException e) {
                log.warn("cannot sweep spool {}: {}", dir, e.getMessage());
            }
        }
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
