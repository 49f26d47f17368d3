package io.agentd.daemon.session.api;

import io.agentd.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Rows passed in chunks from the reader thread that runs a query to the connection thread that writes
 * them, while the query still runs: the answer is serialized and sent during the read, and the read stays
 * one transaction, so the rows are consistent. The reader never waits for the writer, so a slow client
 * cannot hold a reader connection; rows it has not taken yet wait here (at most the whole result, which
 * is what a list result held before).
 *
 * @param <T> the row type
 */
final class RowHandoff<T> implements RowStream<T> {
    private static final Object END = new Object();

    private final int chunkRows;
    private final BlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
    private List<T> filling;

    RowHandoff(int chunkRows) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be positive: " + chunkRows);
        }
        this.chunkRows = chunkRows;
        this.filling = new ArrayList<>(chunkRows);
    }

    /** Reader side: one more row. */
    void add(T row) {
        filling.add(row);
        if (filling.size() == chunkRows) {
            chunks.add(filling);
            filling = new ArrayList<>(chunkRows);
        }
    }

    /** Reader side: the query has no more rows. */
    void finish() {
        if (!filling.isEmpty()) {
            chunks.add(filling);
        }
        chunks.add(END);
    }

    /** Reader side: the query failed; the writer gets the failure instead of the remaining rows. */
    void fail(Throwable failure) {
        chunks.add(new Failure(failure));
    }

    /**
     * Writer side: the next chunk, waiting for the reader; empty once every row was taken.
     *
     * @throws RuntimeException what the reader failed with (a store failure as {@link Database#read} throws it)
     */
    @Override
    @SuppressWarnings("unchecked")
    public List<T> next() {
        Object chunk;
        try {
            chunk = chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for rows", e);
        }
        if (chunk == END) {
            chunks.add(END);
            return List.of();
        }
        if (chunk instanceof Failure failure) {
            chunks.add(failure);
            throw Database.unwrap(failure.cause());
        }
        return (List<T>) chunk;
    }

    private record Failure(Throwable cause) {
    }
}
