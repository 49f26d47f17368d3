package io.agentd.store.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The prepared statements of one connection, kept by SQL text. Preparing a statement costs about as much
 * as running a small insert, and the ingest path runs the same few statements thousands of times a
 * second; {@link Sql} runs every statement through the cache of a connection made by {@link #wrap}.
 *
 * <p>A statement is taken out of the cache while it runs and goes back only after it succeeded, with its
 * parameters cleared; one that failed is closed instead, so no statement half-way through a step (or
 * left holding a read) is ever reused. Taking it out also means a nested use of the same SQL (a row
 * mapper running the same query) prepares a second statement instead of resetting the first.
 *
 * <p>Not thread-safe: agentd uses each connection on one thread only (the writer's, or one reader's).
 */
public final class StatementCache implements AutoCloseable {
    /** Comfortably more than the distinct statements the writer runs, so the hot ones are never evicted. */
    public static final int DEFAULT_CAPACITY = 256;

    private final Connection connection;
    private final int capacity;
    private final LinkedHashMap<String, PreparedStatement> idle;
    private long prepared;
    private boolean closed;

    /** A connection whose statements {@link Sql} caches. */
    public interface Owner {
        StatementCache statementCache();
    }

    /** What runs with a statement taken from the cache. */
    @FunctionalInterface
    public interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    StatementCache(Connection connection, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.connection = requireNonNull(connection, "connection is null");
        this.capacity = capacity;
        this.idle = new LinkedHashMap<>(16, 0.75f, true);
    }

    /**
     * {@code raw} with a statement cache: {@link Sql} finds it through {@link Owner}, every other call goes
     * to {@code raw} unchanged, and closing the connection closes the cached statements first.
     */
    public static Connection wrap(Connection raw, int capacity) {
        requireNonNull(raw, "raw is null");
        StatementCache cache = new StatementCache(raw, capacity);
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[]{Connection.class, Owner.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "statementCache" -> {
                            return cache;
                        }
                        case "close" -> {
                            try {
                                cache.close();
                            } finally {
                                raw.close();
                            }
                            return null;
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "toString" -> {
                            return "cached statements of " + raw;
                        }
                        default -> {
                        }
                    }
                    try {
                        return method.invoke(raw, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Runs {@code work} with a prepared statement for {@code sql}: the cached one when there is one. */
    public <T> T run(String sql, StatementWork<T> work) throws SQLException {
        if (closed) {
            throw new SQLException("connection is closed");
        }
        PreparedStatement statement = idle.remove(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared++;
        }
        boolean reusable = false;
        try {
            T result = work.run(statement);
            statement.clearParameters(); // drops bound values (a 1 MB line) until the next use
            reusable = true;
            return result;
        } finally {
            if (reusable && !closed) {
                keep(sql, statement);
            } else {
                discard(statement);
            }
        }
    }

    private void keep(String sql, PreparedStatement statement) {
        PreparedStatement nested = idle.put(sql, statement);
        if (nested != null) {
            discard(nested); // a nested use of the same SQL put its own back first
        }
        if (idle.size() > capacity) {
            Map.Entry<String, PreparedStatement> eldest = idle.entrySet().iterator().next();
            idle.remove(eldest.getKey());
            discard(eldest.getValue());
        }
    }

    /** How many statements are cached, not counting those running. */
    public int size() {
        return idle.size();
    }

    /** How many statements this cache has prepared since it was made. */
    public long prepared() {
        return prepared;
    }

    /** Closes every cached statement; later use fails as a closed connection does. */
    @Override
    public void close() throws SQLException {
        closed = true;
        List<PreparedStatement> statements = new ArrayList<>(idle.values());
        idle.clear();
        SQLException failure = null;
        for (PreparedStatement s : statements) {
            try {
                s.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Closes a statement that will not be used again; finalizing it cannot lose data, so failures are moot. */
    private static void discard(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // The statement is gone either way; closing the connection finalizes whatever is left.
        }
    }
}
