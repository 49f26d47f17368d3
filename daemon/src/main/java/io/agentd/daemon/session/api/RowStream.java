package io.agentd.daemon.session.api;

import java.util.List;

/**
 * Rows of a query that may still be running, taken chunk by chunk, so a transport can send the first rows
 * while the store reads the rest. Taken once, by one thread.
 *
 * @param <T> the row type
 */
public interface RowStream<T> {
    /**
     * The next chunk, waiting for the store; empty once every row was taken.
     *
     * @throws RuntimeException what the query failed with, as {@link io.agentd.store.Database#read} throws it
     */
    List<T> next();
}
