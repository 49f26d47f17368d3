package io.agentd.daemon.session.ingest;

import io.agentd.store.Database;
import io.agentd.store.StoreException;
import io.agentd.store.WriteWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Writes a session cannot do without (its output, its end): while the database refuses them (full,
 * read-only, failing disk) they are retried with back-off, 200 ms doubling up to 10 s, until they are
 * stored. Nothing is lost meanwhile: Claude keeps writing to its spool file, which is read again from the
 * stored offset. Only a closed store (daemon shutdown) ends the retries.
 */
public final class StoreRetry {
    private static final Logger log = LoggerFactory.getLogger(StoreRetry.class);
    private static final Duration FIRST = Duration.ofMillis(200);
    private static final Duration MAX = Duration.ofSeconds(10);

    private StoreRetry() {
    }

    /**
     * Runs {@code work} until it is stored.
     *
     * @param what for the log, e.g. "session 3f2a: storing 12 events"
     * @throws StoreException of kind {@code CLOSED} when the store closes first
     * @throws InterruptedException when the thread is interrupted while waiting (daemon detaching)
     */
    public static <T> T write(Database database, String what, WriteWork<T> work) throws InterruptedException {
        return write(database, what, work, () -> { });
    }

    /**
     * As {@link #write(Database, String, WriteWork)}, running {@code afterFailure} after each refused attempt,
     * for callers that keep state derived from the store which a rolled-back attempt may have made stale.
     */
    public static <T> T write(Database database, String what, WriteWork<T> work, Runnable afterFailure)
            throws InterruptedException {
        Duration backoff = FIRST;
        for (int attempt = 1; ; attempt++) {
            try {
                T result = database.write(work);
                if (attempt > 1) {
                    log.info("{}: stored after {} attempts", what, attempt);
                }
                return result;
            } catch (StoreException e) {
                if (e.kind() == StoreException.Kind.CLOSED) {
                    throw e;
                }
                afterFailure.run();
                log.warn("{} failed (attempt {}), retrying in {} ms: {}", what, attempt, backoff.toMillis(), e.getMessage());
                Thread.sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX) > 0 ? MAX : backoff.multipliedBy(2);
            }
        }
    }
}
