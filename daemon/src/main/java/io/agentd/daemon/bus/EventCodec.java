package io.agentd.daemon.bus;

/**
 * How one transport frames what a {@link Subscription} yields. One instance per transport: events cache
 * their frame per codec instance ({@link PublishedEvent#encoded}).
 */
public interface EventCodec {
    /** {@code event} as one frame of this transport; called once per event by {@link PublishedEvent#encoded}. */
    byte[] encode(PublishedEvent event);

    /** The frame that keeps an idle stream alive. */
    byte[] heartbeat();

    /** The frame for {@code item}, with the event's cached frame when it is one. */
    default byte[] frame(SubscriptionItem item) {
        return switch (item) {
            case SubscriptionItem.Event e -> e.event().encoded(this);
            case SubscriptionItem.Heartbeat h -> heartbeat();
            case SubscriptionItem.ResyncRequired r -> encode(r.asEvent());
        };
    }
}
