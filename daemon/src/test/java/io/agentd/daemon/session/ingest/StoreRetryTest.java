package io.agentd.daemon.session.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentd.store.Database;
import io.agentd.store.StoreException;
import io.agentd.store.testing.TempDatabaseExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The writer's retry: a refused write is tried again until it is stored; only a closed store stops it. */
@ExtendWith(TempDatabaseExtension.class)
class StoreRetryTest {
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger afterFailures = new AtomicInteger();

    @Test
    void aWriteTheDatabaseRefusesIsRetriedUntilItIsStored(Database database) throws InterruptedException {
        String stored = StoreRetry.write(database, "test", tx -> {
            if (attempts.incrementAndGet() < 3) {
                throw new StoreException(StoreException.Kind.DISK_FULL, "no space", null);
            }
            return "stored on attempt " + attempts.get();
        }, afterFailures::incrementAndGet);

        assertThat(stored).isEqualTo("stored on attempt 3");
        assertThat(afterFailures).hasValue(2);
    }

    @Test
    void aWriteThatSucceedsAtOnceIsNotRepeated(Database database) throws InterruptedException {
        int stored = StoreRetry.write(database, "test", tx -> attempts.incrementAndGet());
        assertThat(stored).isEqualTo(1);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aClosedStoreEndsTheRetriesAtOnce(Database database) {
        assertThatThrownBy(() -> StoreRetry.write(database, "test", tx -> {
            attempts.incrementAndGet();
            throw new StoreException(StoreException.Kind.CLOSED, "closed", null);
        }, afterFailures::incrementAndGet))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CLOSED));
        assertThat(attempts).hasValue(1);
        assertThat(afterFailures).hasValue(0);
    }

    @Test
    void anInterruptWhileWaitingEndsTheRetries(Database database) {
        Thread caller = Thread.currentThread();
        try {
            // The interrupt arrives while the first attempt runs, so it ends the wait before the second.
            assertThatThrownBy(() -> StoreRetry.write(database, "test", tx -> {
                attempts.incrementAndGet();
                caller.interrupt();
                throw new StoreException(StoreException.Kind.IO_ERROR, "disk failed", null);
            })).isInstanceOf(InterruptedException.class);
            assertThat(attempts).hasValue(1);
        } finally {
            Thread.interrupted();
        }
    }
}
