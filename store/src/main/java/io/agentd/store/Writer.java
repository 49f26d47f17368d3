package io.agentd.store;

import io.agentd.store.jdbc.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
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
 */
final class Writer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Writer.class);

    private final Connection connection;
    private final int maxBatch;
    private final LinkedBlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;

    Writer(Connection connection, int maxBatch) {
        this.connection = requireNonNull(connection, "connection is null");
        this.maxBatch = maxBatch;
        this.thread = Thread.ofPlatform().name("agentd-db-writer").daemon(true).start(this::loop);
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

    private void loop() {
        List<Job<?>> batch = new ArrayList<>();
        while (true) {
            try {
                Job<?> first = queue.take();
                if (first.isPoison()) {
                    return;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                boolean stop = batch.removeIf(Job::isPoison);
                runBatch(batch);
                batch.clear();
                if (stop) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("writer loop error", e);
                batch.forEach(j -> j.future.completeExceptionally(e));
                batch.clear();
            }
        }
    }

    private void runBatch(List<Job<?>> batch) {
        try {
            exec("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            StoreException failure = StoreException.from("begin write transaction", e);
            batch.forEach(j -> j.future.completeExceptionally(failure));
            return;
        }
        List<Job<?>> done = new ArrayList<>(batch.size());
        for (Job<?> job : batch) {
            if (job.runInSavepoint(this)) {
                done.add(job);
            }
        }
        try {
            exec("COMMIT");
        } catch (SQLException e) {
            StoreException failure = StoreException.from("commit", e);
            rollbackQuietly();
            done.forEach(j -> j.future.completeExceptionally(failure));
            return;
        }
        for (Job<?> job : done) {
            job.complete();
        }
    }

    private void rollbackQuietly() {
        try {
            exec("ROLLBACK");
        } catch (SQLException e) {
            log.debug("rollback after failed commit: {}", e.getMessage());
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

    /** One queued work, its result until commit, and what to run after commit. */
    private static final class Job<T> implements Tx {
        private final WriteWork<T> work;
        private final CompletableFuture<T> future = new CompletableFuture<>();
        private final List<Runnable> afterCommit = new ArrayList<>(1);
        private Connection connection;
        private T result;

        Job(WriteWork<T> work) {
            this.work = work;
        }

        static Job<Void> poison() {
            return new Job<>(null);
        }

        boolean isPoison() {
            return work == null;
        }

        boolean runInSavepoint(Writer writer) {
            try {
                writer.exec("SAVEPOINT work");
            } catch (SQLException e) {
                future.completeExceptionally(StoreException.from("savepoint", e));
                return false;
            }
            connection = writer.connection();
            try {
                result = work.run(this);
                writer.exec("RELEASE work");
                return true;
            } catch (Exception e) {
                afterCommit.clear();
                try {
                    writer.exec("ROLLBACK TO work");
                    writer.exec("RELEASE work");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                future.completeExceptionally(e instanceof SQLException sql ? StoreException.from("write", sql) : e);
                return false;
            } finally {
                connection = null;
            }
        }

        void complete() {
            for (Runnable action : afterCommit) {
                try {
                    action.run();
                } catch (RuntimeException e) {
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
