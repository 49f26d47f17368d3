package io.agentd.store;

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
        this.thread = Thread.ofPlatform().name("agentd-db-checkpoint").daemon(true).start(() -> loop(interval));
    }

    private void loop(Duration interval) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(PASSIVE)");
            } catch (SQLException e) {
                log.debug("checkpoint: {}", e.getMessage());
            }
        }
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
