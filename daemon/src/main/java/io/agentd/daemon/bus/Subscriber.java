package io.agentd.daemon.bus;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.util.Objects.requireNonNull;

/**
 * One subscriber's bounded buffer. The publisher only ever offers: when the buffer is full it marks the
 * subscriber as behind instead of waiting or dropping silently, and the subscriber catches up from the
 * event log. Memory per subscriber is bounded whatever its reader does.
 */
public final class Subscriber {
    private final String id;
    private final SubscriptionFilter filter;
    private final BlockingQueue<PublishedEvent> buffer;
    private final AtomicBoolean behind = new AtomicBoolean();
    private final int capacity;

    Subscriber(String id, SubscriptionFilter filter, int capacity) {
        this.id = requireNonNull(id, "id is null");
        this.filter = requireNonNull(filter, "filter is null");
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
    }

    public String id() {
        return id;
    }

    public SubscriptionFilter filter() {
        return filter;
    }

    /** Called by the publisher: never blocks. */
    void offer(PublishedEvent event) {
        if (behind.get() || !filter.matches(event)) {
            return;
        }
        if (!buffer.offer(event)) {
            behind.set(true);
        }
    }

    /**
     * Whether live delivery fell behind since the last call. Clears the mark and the buffer: everything
     * in it is also in the event log, where the caller now reads from.
     */
    public boolean takeBehind() {
        if (behind.compareAndSet(true, false)) {
            buffer.clear();
            return true;
        }
        return false;
    }

    /** The next buffered event, waiting at most {@code timeout}; null if none. */
    public PublishedEvent poll(Duration timeout) throws InterruptedException {
        return buffer.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Events waiting in the buffer; never more than {@link #capacity()}. */
    public int buffered() {
        return buffer.size();
    }

    public int capacity() {
        return capacity;
    }

    /** Whether live delivery has overflowed and the connection has not yet switched to the event log. */
    public boolean isBehind() {
        return behind.get();
    }
}
