package io.agentd.store;

import io.agentd.store.job.LongLivedJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Moves the WAL back into the database file from its own connection and thread. SQLite's automatic
 * checkpoint would run inside whichever commit crosses the threshold, and its fsync would stall that
 * commit (and every event waiting on it) for tens of milliseconds; a passive checkpoint here never
 * blocks the writer.
 */
final class Checkpointer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final Connection connection;
    private final Thread thread;

    Checkpointer(Path file, Duration busyTimeout, Duration interval) throws SQLException {
        this.connection = SqliteConnections.writer(file, busyTimeout);
        String name = "agentd-db-checkpoint";
        // A checkpointer that died would let the WAL grow for the rest of the process's life.
        this.thread = Thread.ofPlatform().name(name).daemon(true).start(LongLivedJob.of(name, () -> round(interval)));
    }

    private boolean round(Duration interval) throws InterruptedException {
        Thread.sleep(interval);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            // Busy readers only postpone a passive checkpoint; the next round catches up.
            log.debug("checkpoint: {}", e.getMessage());
        }
        return true;
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing the checkpoint connection: {}", e.getMessage());
        }
    }
}
