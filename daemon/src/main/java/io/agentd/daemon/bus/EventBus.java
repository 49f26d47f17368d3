package io.agentd.daemon.bus;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static java.util.Objects.requireNonNull;

/**
 * In-process fan-out of committed events to subscribers. {@link #dispatch} is called on the store's
 * writer thread, in commit order, and never blocks: each subscriber has its own bounded buffer.
 */
public final class EventBus {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final int capacity;

    public EventBus(Clock clock, int capacity) {
        this.clock = requireNonNull(clock, "clock is null");
        this.capacity = capacity;
    }

    /** Registers a subscriber; its id has hld's form {@code YYYYMMDDhhmmss-<16 hex>}. */
    public Subscriber subscribe(SubscriptionFilter filter) {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        Subscriber s = new Subscriber(ID_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(bytes), filter, capacity);
        subscribers.add(s);
        return s;
    }

    public void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** The current subscribers, a snapshot: for diagnostics and for checking that buffers stay bounded. */
    public List<Subscriber> subscribers() {
        return List.copyOf(subscribers);
    }

    /** Hands a committed event to every matching subscriber. */
    public void dispatch(PublishedEvent event) {
        for (Subscriber s : subscribers) {
            s.offer(event);
        }
    }
}
