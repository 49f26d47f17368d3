package io.agentd.daemon.session;

import io.agentd.daemon.session.follow.SpoolFollower;
import io.agentd.daemon.session.follow.SpoolWatcher;
import io.agentd.daemon.session.ingest.IngestContext;
import io.agentd.daemon.session.ingest.SessionIngestor;
import io.agentd.daemon.session.ingest.StoreRetry;
import io.agentd.store.WriteWork;
import io.agentd.store.process.ProcessRow;
import io.agentd.store.session.SessionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Follows one session on its own {@code session-<id>} virtual thread: tails its stdout spool into the
 * {@link SessionIngestor} until the process has ended and the file is read, then stores the ending
 * {@link SessionEnding} decides and reports the session ended.
 */
final class SessionFollower {
    private static final Logger log = LoggerFactory.getLogger(SessionFollower.class);

    private final IngestContext ctx;
    private final SessionTransitions transitions;
    private final SpoolWatcher watcher;
    private final McpConfigFiles mcpFiles;
    private final int maxLineBytes;
    private final BooleanSupplier detaching;
    private final Consumer<ActiveSession> ended;
    private final UnapprovedDenials unapprovedDenials;

    /**
     * @param detaching whether the daemon is leaving its sessions running, so a failure to follow is expected
     * @param ended told once a session's end is stored, before its {@link ActiveSession#done()} completes
     */
    SessionFollower(IngestContext ctx, SessionTransitions transitions, SpoolWatcher watcher, McpConfigFiles mcpFiles,
                    int maxLineBytes, BooleanSupplier detaching, Consumer<ActiveSession> ended) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.transitions = requireNonNull(transitions, "transitions is null");
        this.watcher = requireNonNull(watcher, "watcher is null");
        this.mcpFiles = requireNonNull(mcpFiles, "mcpFiles is null");
        this.maxLineBytes = maxLineBytes;
        this.detaching = requireNonNull(detaching, "detaching is null");
        this.ended = requireNonNull(ended, "ended is null");
        this.unapprovedDenials = new UnapprovedDenials(ctx.database());
    }

    /**
     * Starts following a session from {@code offset} of its stdout.
     *
     * @param unstored a write the database refused at launch, stored first (with retries); null if none
     */
    void follow(ActiveSession session, SessionRow row, long offset, WriteWork<?> unstored) {
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
                    maxLineBytes);
            follower.follow(offset, ingestor, ingestor);
            ingestor.flush();
        } catch (InterruptedException e) {
            log.info("session {}: stopped following (daemon detaching)", session.sessionId());
            return;
        } catch (IOException | RuntimeException e) {
            if (detaching.getAsBoolean()) {
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
            ctx.processes().setEnded(tx.connection(), id, exitCode, ctx.clock().instant());
            return transitions.finish(tx, id, ending.status(), ending.outcome());
        });
        proc.map(ProcessRow::mcpConfigPath).map(Path::of).ifPresent(mcpFiles::delete);
        ended.accept(session);
        session.done().complete(ending.status());
        log.info("session {} ended {} (exit {})", id, ending.status().wireName(), exit);
        unapprovedDenials.warnIfAny(id, ingestor.state().result());
    }
}
