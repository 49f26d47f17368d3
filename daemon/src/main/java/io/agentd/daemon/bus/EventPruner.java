package io.agentd.daemon.bus;

import io.agentd.store.job.LongLivedJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** Deletes events older than the retention every ten minutes, so the log cannot grow without bound. */
public final class EventPruner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventPruner.class);
    private static final Duration INTERVAL = Duration.ofMinutes(10);

    private final Thread thread;

    public EventPruner(EventLog events, Duration retention) {
        requireNonNull(events, "events is null");
        requireNonNull(retention, "retention is null");
        this.thread = Thread.ofVirtual().name("event-pruner").start(LongLivedJob.of("event-pruner", () -> {
            try {
                int n = events.prune(retention);
                if (n > 0) {
                    log.debug("pruned {} events older than {}", n, retention);
                }
            } catch (RuntimeException e) {
                // The store's own faults show in health already; the next round tries again.
                log.warn("pruning events failed: {}", e.getMessage());
            }
            Thread.sleep(INTERVAL);
            return true;
        }));
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
