package io.agentd.daemon.session.process;

import io.agentd.store.job.LongLivedJob;
import io.agentd.store.Database;
import io.agentd.store.process.ProcessRepository;
import io.agentd.store.process.ProcessRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Deletes the spool folders of sessions that ended longer ago than the retention. Until then the raw
 * output stays on disk next to the store, for audit and for re-processing.
 */
public final class SpoolJanitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SpoolJanitor.class);
    private static final Duration INTERVAL = Duration.ofMinutes(10);

    private final Database database;
    private final ProcessRepository processes = new ProcessRepository();
    private final Duration retention;
    private final Clock clock;
    private final Thread thread;

    public SpoolJanitor(Database database, Duration retention, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.retention = requireNonNull(retention, "retention is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.thread = Thread.ofVirtual().name("spool-janitor").start(LongLivedJob.of("spool-janitor", () -> {
            sweep();
            Thread.sleep(INTERVAL);
            return true;
        }));
    }

    /** Deletes every expired spool folder; returns how many were removed. */
    public int sweep() {
        int removed = 0;
        try {
            List<ProcessRow> ended = database.read(c -> processes.endedBefore(c, clock.instant().minus(retention)));
            for (ProcessRow p : ended) {
                Path dir = Path.of(p.spoolDir());
                if (Files.exists(dir)) {
                    deleteTree(dir);
                    removed++;
                }
            }
        } catch (RuntimeException e) {
            log.warn("spool clean-up failed: {}", e.getMessage());
        }
        return removed;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.warn("cannot delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("cannot list {}: {}", dir, e.getMessage());
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
