package io.agentd.daemon.session.follow;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A wake-up call for a follower: released when its spool folder changes; many releases coalesce. */
public final class Wakeup {
    private final Semaphore signal = new Semaphore(0);

    /** Marks that something changed. */
    public void signal() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Waits until signalled or {@code timeout} passes; clears pending signals. */
    public void await(Duration timeout) throws InterruptedException {
        if (signal.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            signal.drainPermits();
        }
    }
}
