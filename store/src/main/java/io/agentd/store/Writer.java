package io.agentd.store;

import io.agentd.store.jdbc.Sql;
import io.agentd.store.job.LongLivedJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import static java.util.Objects.requireNonNull;

/**
 * The one writer. A platform thread (SQLite is JNI, which would pin a virtual thread's carrier) takes
 * queued works, runs as many as are waiting inside one {@code BEGIN IMMEDIATE} transaction, each in
 * its own savepoint, and commits once: many small writes cost one fsync-free WAL append together.
 * Futures complete only after the commit, so a caller never observes data that could still roll back.
 *
 * <p>A full disk or an I/O error makes SQLite abandon the whole transaction, not only the failing
 * statement (unless the statement kept a statement journal; the writer then abandons the transaction
 * itself). The writer then fails every work of the batch, so none is reported stored when it is not, and
 * none runs outside the transaction. Such faults are recorded in {@link #health()} until a later
 * transaction stores a change.
 */
final class Writer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Writer.class);

    private final Connection connection;
    private final int maxBatch;
    private final WriteFaults faults;
    private final LinkedBlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;
    private volatile StoreHealth health = StoreHealth.OK;

    /**
     * @param faults the test seam, or null (always, outside fault tests)
     */
    Writer(Connection connection, int maxBatch, WriteFaults faults) {
        this.connection = requireNonNull(connection, "connection is null");
        this.maxBatch = maxBatch;
        this.faults = faults;
        List<Job<?>> batch = new ArrayList<>();
        this.thread = Thread.ofPlatform().name("agentd-db-writer").daemon(true)
                .start(LongLivedJob.of("agentd-db-writer", () -> round(batch)));
    }

    <T> CompletableFuture<T> submit(WriteWork<T> work) {
        requireNonNull(work, "work is null");
        Job<T> job = new Job<>(work);
        if (closing) {
            job.future.completeExceptionally(new StoreException(StoreException.Kind.CLOSED, "store is closed", null));
            return job.future;
        }
        queue.add(job);
        return job.future;
    }

    StoreHealth health() {
        return health;
    }

    /** One round: takes the waiting works and runs them; returns false at the poison pill. */
    private boolean round(List<Job<?>> batch) throws InterruptedException {
        try {
            Job<?> first = queue.take();
            if (first.isPoison()) {
                return false;
            }
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            boolean stop = batch.removeIf(Job::isPoison);
            runBatch(batch);
            return !stop;
        } catch (Throwable e) {
            // Even an OutOfMemoryError fails only this batch: the callers hear of it, the writer goes on.
            if (!(e instanceof InterruptedException)) {
                // A transaction left open would make every later BEGIN fail.
                rollbackQuietly();
                batch.forEach(j -> j.future.completeExceptionally(e));
            }
            throw e;
        } finally {
            batch.clear();
        }
    }

    private void runBatch(List<Job<?>> batch) {
        if (faults != null) {
            faults.apply(connection);
        }
        // While a fault is recorded, count the rows the stored works change: a commit that changed nothing
        // (a periodic check that found nothing to do) proves nothing about the disk.
        boolean watchRecovery = !health.ok();
        long storedChanges = 0;
        try {
            exec("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            StoreException failure = StoreException.from("begin write transaction", e);
            rollbackQuietly();
            noteFault(failure);
            fail(batch, failure);
            return;
        }
        List<Job<?>> done = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Job<?> job = batch.get(i);
            long before = watchRecovery ? totalChanges() : 0;
            switch (job.runInSavepoint(this)) {
                case STORED -> {
                    done.add(job);
                    storedChanges += watchRecovery ? totalChanges() - before : 0;
                }
                case FAILED -> {
                    if (losesTheDisk(job.failure)) {
                        // SQLite undoes only the statement when it kept a statement journal (one that fires
                        // triggers, such as the search index's), else the whole transaction: abandon it either
                        // way, so a full disk fails the batch alike whatever the works wrote.
                        abandon(job, done, batch.subList(i + 1, batch.size()));
                        return;
                    }
                    noteFault(job.failure);
                    job.future.completeExceptionally(job.failure);
                }
                case TRANSACTION_LOST -> {
                    abandon(job, done, batch.subList(i + 1, batch.size()));
                    return;
                }
            }
        }
        try {
            exec("COMMIT");
        } catch (SQLException e) {
            StoreException failure = StoreException.from("commit", e);
            rollbackQuietly();
            noteFault(failure);
            fail(done, failure);
            return;
        }
        if (storedChanges > 0) {
            log.info("the database takes writes again (after: {})", health.error());
            health = StoreHealth.OK;
        }
        for (Job<?> job : done) {
            job.complete();
        }
    }

    /**
     * SQLite rolled back the whole transaction while {@code culprit} ran: the works stored before it are
     * undone and the rest must not run in autocommit mode, so all of them fail with the culprit's cause.
     */
    private void abandon(Job<?> culprit, List<Job<?>> undone, List<Job<?>> notRun) {
        rollbackQuietly();
        StoreException cause = culprit.failure instanceof StoreException s ? s
                : new StoreException(StoreException.Kind.OTHER, "write: " + culprit.failure, culprit.failure);
        noteFault(cause);
        log.warn("a write transaction was abandoned, {} other work(s) not stored: {}", undone.size() + notRun.size(),
                cause.getMessage());
        culprit.future.completeExceptionally(culprit.failure);
        StoreException others = new StoreException(cause.kind(), "not stored, the transaction was abandoned: "
                + cause.getMessage(), cause);
        fail(undone, others);
        fail(notRun, others);
    }

    private static boolean losesTheDisk(Throwable failure) {
        return failure instanceof StoreException e
                && (e.kind() == StoreException.Kind.DISK_FULL || e.kind() == StoreException.Kind.IO_ERROR);
    }

    /** Fails the works; a fault must already be noted, so a caller seeing the failure also sees the health. */
    private static void fail(List<Job<?>> jobs, StoreException failure) {
        for (Job<?> job : jobs) {
            job.future.completeExceptionally(failure);
        }
    }

    private void noteFault(Throwable failure) {
        if (failure instanceof StoreException e && e.kind().storeFault()) {
            if (health.ok()) {
                log.error("the database refuses writes: {}", e.getMessage());
            }
            health = health.after(e, Instant.now());
        }
    }

    /** Rows changed by this connection so far; read only while a fault is recorded, to notice recovery. */
    private long totalChanges() {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT total_changes()")) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    private void rollbackQuietly() {
        try {
            exec("ROLLBACK");
        } catch (SQLException e) {
            log.debug("rollback: {}", e.getMessage());
        }
    }

    /** Runs a transaction or savepoint command; cached like any statement, as every batch runs the same few. */
    void exec(String sql) throws SQLException {
        Sql.withStatement(connection, sql, p -> {
            if (p.execute()) {
                p.getResultSet().close(); // a pragma's answer: done with, and the statement reset for reuse
            }
            return null;
        });
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        closing = true;
        queue.add(Job.poison());
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Job<?> left;
        while ((left = queue.poll()) != null) {
            left.future.completeExceptionally(new StoreException(StoreException.Kind.CLOSED, "store is closed", null));
        }
    }

    /** How one work's savepoint ended. */
    private enum Outcome {
        /** Released; stored when the transaction commits. */
        STORED,
        /** Rolled back to its savepoint; the rest of the batch goes on. */
        FAILED,
        /** Its failure took the whole transaction with it. */
        TRANSACTION_LOST
    }

    /** One queued work, its result until commit, and what to run after commit. */
    private static final class Job<T> implements Tx {
        private final WriteWork<T> work;
        private final CompletableFuture<T> future = new CompletableFuture<>();
        private final List<Runnable> afterCommit = new ArrayList<>(1);
        private Connection connection;
        private T result;
        private Throwable failure;

        Job(WriteWork<T> work) {
            this.work = work;
        }

        static Job<Void> poison() {
            return new Job<>(null);
        }

        boolean isPoison() {
            return work == null;
        }

        Outcome runInSavepoint(Writer writer) {
            try {
                writer.exec("SAVEPOINT work");
            } catch (SQLException e) {
                failure = StoreException.from("savepoint", e);
                return Outcome.TRANSACTION_LOST;
            }
            connection = writer.connection();
            try {
                result = work.run(this);
                writer.exec("RELEASE work");
                return Outcome.STORED;
            } catch (Exception e) {
                afterCommit.clear();
                failure = e instanceof SQLException sql ? StoreException.from("write", sql) : e;
                try {
                    writer.exec("ROLLBACK TO work");
                    writer.exec("RELEASE work");
                } catch (SQLException rollback) {
                    // "no such savepoint": SQLite already rolled back the whole transaction (SQLITE_FULL, IOERR)
                    failure.addSuppressed(rollback);
                    return Outcome.TRANSACTION_LOST;
                }
                return Outcome.FAILED;
            } finally {
                connection = null;
            }
        }

        void complete() {
            for (Runnable action : afterCommit) {
                try {
                    action.run();
                } catch (RuntimeException | Error e) {
                    // The work is committed: its caller must hear so, whatever an announcement did.
                    log.error("after-commit action failed", e);
                }
            }
            future.complete(result);
        }

        @Override
        public Connection connection() {
            if (connection == null) {
                throw new IllegalStateException("the transaction is only usable while its work runs");
            }
            return connection;
        }

        @Override
        public void afterCommit(Runnable action) {
            afterCommit.add(requireNonNull(action, "action is null"));
        }
    }
}
