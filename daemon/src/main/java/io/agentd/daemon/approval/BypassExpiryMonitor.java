package io.agentd.daemon.approval;

import io.agentd.store.job.LongLivedJob;
import io.agentd.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** Checks for expired bypasses at start and then every {@code interval}, on one virtual thread. */
public final class BypassExpiryMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BypassExpiryMonitor.class);

    private final Thread thread;

    private BypassExpiryMonitor(Thread thread) {
        this.thread = thread;
    }

    public static BypassExpiryMonitor start(Database database, BypassExpiry expiry, Duration interval) {
        requireNonNull(database, "database is null");
        requireNonNull(expiry, "expiry is null");
        requireNonNull(interval, "interval is null");
        Thread thread = Thread.ofVirtual().name("bypass-expiry").start(LongLivedJob.of("bypass-expiry", () -> {
            try {
                int n = database.write(expiry::switchOffAllExpired);
                if (n > 0) {
                    log.info("switched off the expired bypass of {} session(s)", n);
                }
            } catch (RuntimeException e) {
                // The store's own faults show in health already; the next round tries again.
                log.warn("checking for expired bypass permissions failed: {}", e.getMessage());
            }
            Thread.sleep(interval);
            return true;
        }));
        return new BypassExpiryMonitor(thread);
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
