package io.agentd.daemon.bus;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class EventBusTest {

    private static PublishedEvent event(long seq, String type) {
        return new PublishedEvent(seq, type, Instant.EPOCH, "s1", "r1", "{}");
    }

    @Test
    void aFullSubscriberNeverBlocksDispatchNorStarvesOthers() {
        EventBus bus = new EventBus(Clock.systemUTC(), 64);
        Subscriber stuck = bus.subscribe(SubscriptionFilter.all());
        Subscriber reading = bus.subscribe(SubscriptionFilter.all());
        List<Long> received = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            long seq = 0;
            for (int round = 0; round < 1_000; round++) {
                for (int i = 0; i < 50; i++) {
                    bus.dispatch(event(++seq, "session_status_changed"));
                }
                PublishedEvent e;
                while ((e = reading.poll(Duration.ZERO)) != null) {
                    received.add(e.seq());
                }
            }
        });
        assertThat(received).hasSize(50_000).isSorted().doesNotHaveDuplicates();
        assertThat(reading.isBehind()).isFalse();
        assertThat(stuck.isBehind()).isTrue();
        assertThat(stuck.buffered()).isEqualTo(stuck.capacity()).isEqualTo(64);
    }

    @Test
    void dispatchOffersOnlyToMatchingSubscribers() throws Exception {
        EventBus bus = new EventBus(Clock.systemUTC(), 8);
        Subscriber conversation = bus.subscribe(new SubscriptionFilter(Set.of("conversation_updated"), null, null));
        Subscriber everything = bus.subscribe(SubscriptionFilter.all());
        bus.dispatch(event(1, "session_status_changed"));
        bus.dispatch(event(2, "conversation_updated"));
        assertThat(conversation.buffered()).isEqualTo(1);
        assertThat(conversation.poll(Duration.ZERO).seq()).isEqualTo(2);
        assertThat(everything.buffered()).isEqualTo(2);
    }

    @Test
    void anUnsubscribedSubscriberGetsNothingMore() {
        EventBus bus = new EventBus(Clock.systemUTC(), 8);
        Subscriber s = bus.subscribe(SubscriptionFilter.all());
        assertThat(bus.subscriberCount()).isEqualTo(1);
        bus.unsubscribe(s);
        bus.dispatch(event(1, "session_status_changed"));
        assertThat(s.buffered()).isZero();
        assertThat(bus.subscriberCount()).isZero();
        assertThat(bus.subscribers()).isEmpty();
    }

    @Test
    void subscriptionIdsHaveHldsFormAndAreDistinct() {
        EventBus bus = new EventBus(Clock.systemUTC(), 8);
        String a = bus.subscribe(SubscriptionFilter.all()).id();
        String b = bus.subscribe(SubscriptionFilter.all()).id();
        assertThat(a).matches("\\d{14}-[0-9a-f]{16}");
        assertThat(a).isNotEqualTo(b);
    }
}
