package io.agentd.daemon.bus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One subscriber's view of the bus, whatever the transport: {@link #next} yields every matching event once,
 * in seq order, with no gap, plus a heartbeat after silence and a resync signal when a replay asks for
 * pruned events. It replays from the event log after {@code since_seq}, catches up from the log when its
 * live buffer overflowed, drops live events a replay already yielded, and applies the filter, so a transport
 * only frames and writes what it gets.
 *
 * <p>Used by one thread (the connection's), which must {@link #close} it; open one through
 * {@link Subscriptions}.
 */
public final class Subscription implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Subscription.class);
    private static final int PAGE = 500;

    private final EventLog events;
    private final Subscriber subscriber;
    private final Clock clock;
    private final Duration heartbeat;
    private final long startSeq;
    private final Deque<SubscriptionItem> pending = new ArrayDeque<>();
    /** The seq of the last event taken from the log or the buffer, yielded or filtered out. */
    private long last;
    private boolean replaying;
    private Instant lastYielded;
    private boolean closed;

    Subscription(EventLog events, SubscriptionFilter filter, Long sinceSeq, Clock clock, Duration heartbeat) {
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.heartbeat = requireNonNull(heartbeat, "heartbeat is null");
        requireNonNull(filter, "filter is null");
        // Register first, then read the position: an event committed after the read is dispatched after the
        // registration, so it reaches the buffer; one committed before it is skipped there by its seq.
        // (Reading first would lose an event committed and dispatched between the read and the registration.)
        this.subscriber = events.bus().subscribe(filter);
        try {
            if (sinceSeq == null) {
                last = events.lastSeq();
            } else {
                last = Math.max(0, sinceSeq);
                replaying = true;
                long first = events.firstSeq();
                if (first > last + 1) {
                    pending.add(new SubscriptionItem.ResyncRequired(last, first, clock.instant()));
                }
            }
        } catch (RuntimeException e) {
            events.bus().unsubscribe(subscriber);
            throw e;
        }
        this.startSeq = last;
        this.lastYielded = clock.instant();
    }

    /** hld's subscription id, {@code YYYYMMDDhhmmss-<16 hex>}. */
    public String id() {
        return subscriber.id();
    }

    public SubscriptionFilter filter() {
        return subscriber.filter();
    }

    /** The seq this subscription starts after: {@code since_seq}, or the newest seq when it opened. */
    public long startSeq() {
        return startSeq;
    }

    /**
     * The next item, waiting at most about {@code timeout} for a live event; empty if nothing came and no
     * heartbeat is due. Replayed events come without waiting (a page of the log is read at a time).
     *
     * @throws io.agentd.store.StoreException if reading the log fails (e.g. the daemon is shutting down)
     */
    public Optional<SubscriptionItem> next(Duration timeout) throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("subscription " + id() + " is closed");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            SubscriptionItem item = pending.poll();
            if (item != null) {
                return yielded(item);
            }
            if (replaying) {
                replaying = readPage();
                continue;
            }
            if (subscriber.takeBehind()) {
                log.info("subscription {} fell behind; catching up from the event log at seq {}", id(), last);
                replaying = true;
                continue;
            }
            // Wait for an event until the heartbeat is due, or the whole timeout when it is due already: a
            // heartbeat is only sent after a wait found nothing, so even a zero interval cannot flood.
            Duration untilHeartbeat = untilHeartbeat();
            long waitNanos = deadline - System.nanoTime();
            if (untilHeartbeat.isPositive()) {
                waitNanos = Math.min(waitNanos, untilHeartbeat.toNanos());
            }
            PublishedEvent event = subscriber.poll(Duration.ofNanos(Math.max(0, waitNanos)));
            if (event == null) {
                return untilHeartbeat().isPositive() ? Optional.empty() : yielded(SubscriptionItem.HEARTBEAT);
            }
            if (event.seq() > last) {
                last = event.seq();
                return yielded(new SubscriptionItem.Event(event));
            }
            // Already yielded by a replay; look again while time is left.
            if (deadline - System.nanoTime() <= 0) {
                return Optional.empty();
            }
        }
    }

    /** Reads the next page of the log after {@link #last} into {@link #pending}; false when there was none. */
    private boolean readPage() {
        List<PublishedEvent> page = events.after(last, PAGE);
        if (page.isEmpty()) {
            return false;
        }
        SubscriptionFilter filter = subscriber.filter();
        for (PublishedEvent e : page) {
            if (filter.matches(e)) {
                pending.add(new SubscriptionItem.Event(e));
            }
            last = e.seq();
        }
        return true;
    }

    private Duration untilHeartbeat() {
        return heartbeat.minus(Duration.between(lastYielded, clock.instant()));
    }

    private Optional<SubscriptionItem> yielded(SubscriptionItem item) {
        lastYielded = clock.instant();
        return Optional.of(item);
    }

    /** Leaves the bus and frees the buffer; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            events.bus().unsubscribe(subscriber);
            pending.clear();
        }
    }
}
