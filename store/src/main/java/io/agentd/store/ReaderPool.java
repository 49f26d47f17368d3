package io.agentd.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Read-only connections, one per platform thread. Reads never wait for the writer (WAL), and keeping
 * SQLite's JNI calls off virtual threads keeps socket handling responsive while a long query runs.
 */
final class ReaderPool implements AutoCloseable {
    private final Path file;
    private final Duration busyTimeout;
    private final ExecutorService executor;
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();
    private final List<Connection> opened = new CopyOnWriteArrayList<>();

    ReaderPool(Path file, int size, Duration busyTimeout) {
        this.file = file;
        this.busyTimeout = busyTimeout;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(size,
                r -> Thread.ofPlatform().name("agentd-db-reader-" + n.incrementAndGet()).daemon(true).unstarted(r));
    }

    <T> T read(ReadWork<T> work) {
        Future<T> future;
        try {
            future = executor.submit(() -> work.run(connection()));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new StoreException(StoreException.Kind.CLOSED, "store is closed", e);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new StoreException(StoreException.Kind.OTHER, "read interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw StoreException.from("read", sql);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StoreException(StoreException.Kind.OTHER, "read failed: " + cause, cause);
        }
    }

    <T> CompletableFuture<T> readAsync(ReadWork<T> work) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return work.run(connection());
                } catch (SQLException e) {
                    throw StoreException.from("read", e);
                }
            }, executor);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new StoreException(StoreException.Kind.CLOSED, "store is closed", e);
        }
    }

    private Connection connection() throws SQLException {
        Connection c = connection.get();
        if (c == null) {
            c = SqliteConnections.reader(file, busyTimeout);
            connection.set(c);
            opened.add(c);
        }
        return c;
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Closing a read-only connection cannot lose data.
            }
        }
    }
}
