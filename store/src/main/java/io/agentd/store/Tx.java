package io.agentd.store;

import java.sql.Connection;

/**
 * A write transaction as seen by one {@link WriteWork}. Several works share one SQLite transaction
 * (batching), each inside its own savepoint so one failing work does not undo the others.
 */
public interface Tx {
    /** The writer connection; valid only while the work runs. */
    Connection connection();

    /**
     * Runs {@code action} on the writer thread after this work's transaction has committed, in
     * commit order. Used to publish exactly what was persisted, in the order it was persisted. Not run
     * when the work or the commit fails.
     */
    void afterCommit(Runnable action);
}
