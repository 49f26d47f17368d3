package io.agentd.daemon.bus;

import java.time.Clock;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** Opens {@link Subscription}s on the event log: the one entry point every transport's stream uses. */
public final class Subscriptions {
    private final EventLog events;
    private final Clock clock;
    private final Duration heartbeat;

    /**
     * @param heartbeat how long a subscription stays silent before it yields a heartbeat (30 s in the daemon)
     */
    public Subscriptions(EventLog events, Clock clock, Duration heartbeat) {
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.heartbeat = requireNonNull(heartbeat, "heartbeat is null");
        if (heartbeat.isNegative()) {
            throw new IllegalArgumentException("heartbeat must not be negative: " + heartbeat);
        }
    }

    /** A subscription to events committed from now on. */
    public Subscription live(SubscriptionFilter filter) {
        return new Subscription(events, filter, null, clock, heartbeat);
    }

    /**
     * A subscription that first replays every retained event after {@code seq} (a negative one counts as 0),
     * then goes live, with no gap and no duplicate.
     */
    public Subscription since(SubscriptionFilter filter, long seq) {
        return new Subscription(events, filter, seq, clock, heartbeat);
    }
}
