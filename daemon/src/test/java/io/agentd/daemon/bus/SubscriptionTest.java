package io.agentd.daemon.bus;

import io.agentd.store.Database;
import io.agentd.store.testing.TempDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(TempDatabaseExtension.class)
class SubscriptionTest {
    /** Long enough that a live event committed on the writer thread has surely been dispatched. */
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private Database database;
    private EventLog log;

    @BeforeEach
    void setUp(Database database) {
        this.database = database;
        useBuffer(1024);
    }

    private void useBuffer(int capacity) {
        log = new EventLog(database, new EventBus(clock, capacity), clock);
    }

    private Subscriptions subscriptions() {
        return new Subscriptions(log, clock, HEARTBEAT);
    }

    @Test
    void replaysAfterSinceSeqThenGoesLiveWithNoGapAndNoDuplicate() throws Exception {
        publish(5, "s1");
        try (Subscription sub = subscriptions().since(SubscriptionFilter.all(), 2)) {
            assertThat(sub.startSeq()).isEqualTo(2);
            // Committed after the subscription registered: these are in its buffer and in the log both.
            publish(3, "s1");
            assertThat(events(sub, 6)).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(sub.next(Duration.ofMillis(100))).isEmpty();
            publish(1, "s1");
            assertThat(events(sub, 1)).containsExactly(9L);
        }
    }

    @Test
    void aLiveSubscriptionStartsAfterTheNewestEvent() throws Exception {
        publish(4, "s1");
        try (Subscription sub = subscriptions().live(SubscriptionFilter.all())) {
            assertThat(sub.startSeq()).isEqualTo(4);
            assertThat(sub.id()).matches("\\d{14}-[0-9a-f]{16}");
            assertThat(sub.next(Duration.ofMillis(100))).isEmpty();
            publish(2, "s1");
            assertThat(events(sub, 2)).containsExactly(5L, 6L);
        }
    }

    @Test
    void aSubscriptionWhoseBufferOverflowedCatchesUpFromTheLogInOrderAndOnce() throws Exception {
        useBuffer(4);
        try (Subscription sub = subscriptions().live(SubscriptionFilter.all())) {
            publish(50, "s1");
            assertThat(log.bus().subscribers().getFirst().isBehind()).isTrue();
            List<Long> seqs = new ArrayList<>(events(sub, 50));
            // And after catching up, live delivery resumes.
            publish(1, "s1");
            seqs.addAll(events(sub, 1));
            assertThat(seqs).isEqualTo(LongStream.rangeClosed(1, 51).boxed().toList());
            assertThat(log.bus().subscribers().getFirst().isBehind()).isFalse();
        }
    }

    @Test
    void theFilterAppliesToReplayedAndLiveEventsAlike() throws Exception {
        publish(2, "s1");
        publish(2, "s2");
        SubscriptionFilter onlyS2 = new SubscriptionFilter(Set.of(BusEventType.SESSION_STATUS_CHANGED.wireName()), "s2", null);
        try (Subscription sub = subscriptions().since(onlyS2, 0)) {
            assertThat(events(sub, 2)).containsExactly(3L, 4L);
            publish(1, "s1");
            publish(1, "s2");
            assertThat(events(sub, 1)).containsExactly(6L);
            assertThat(sub.next(Duration.ofMillis(100))).isEmpty();
        }
        try (Subscription sub = subscriptions().since(new SubscriptionFilter(Set.of("conversation_updated"), null, null), 0)) {
            assertThat(sub.next(Duration.ofMillis(100))).isEmpty();
        }
    }

    @Test
    void aHeartbeatComesAfterTheIntervalOfSilenceAndOnlyThen() throws Exception {
        try (Subscription sub = subscriptions().live(SubscriptionFilter.all())) {
            assertThat(sub.next(Duration.ZERO)).isEmpty();
            clock.advance(HEARTBEAT.minusSeconds(1));
            assertThat(sub.next(Duration.ZERO)).isEmpty();
            clock.advance(Duration.ofSeconds(1));
            assertThat(sub.next(Duration.ZERO)).contains(SubscriptionItem.HEARTBEAT);
            assertThat(sub.next(Duration.ZERO)).as("the heartbeat restarts the silence").isEmpty();

            clock.advance(HEARTBEAT.minusSeconds(1));
            publish(1, "s1");
            assertThat(events(sub, 1)).containsExactly(1L);
            clock.advance(Duration.ofSeconds(1));
            assertThat(sub.next(Duration.ZERO)).as("an event restarts the silence too").isEmpty();
            clock.advance(HEARTBEAT);
            assertThat(sub.next(Duration.ZERO)).contains(SubscriptionItem.HEARTBEAT);
        }
    }

    @Test
    void aZeroIntervalStillWaitsForEventsBeforeEachHeartbeat() throws Exception {
        try (Subscription sub = new Subscriptions(log, clock, Duration.ZERO).live(SubscriptionFilter.all())) {
            publish(1, "s1");
            assertThat(events(sub, 1)).containsExactly(1L);
            assertThat(sub.next(Duration.ZERO)).contains(SubscriptionItem.HEARTBEAT);
        }
    }

    @Test
    void replayingFromPrunedEventsSignalsResyncFirstThenTheRetainedEvents() throws Exception {
        publish(3, "s1");
        clock.advance(Duration.ofDays(2));
        publish(2, "s1");
        assertThat(log.prune(Duration.ofDays(1))).isEqualTo(3);
        try (Subscription sub = subscriptions().since(SubscriptionFilter.all(), 1)) {
            Optional<SubscriptionItem> first = sub.next(WAIT);
            assertThat(first).containsInstanceOf(SubscriptionItem.ResyncRequired.class);
            var resync = (SubscriptionItem.ResyncRequired) first.orElseThrow();
            assertThat(resync.requestedSinceSeq()).isEqualTo(1);
            assertThat(resync.firstRetainedSeq()).isEqualTo(4);
            assertThat(resync.asEvent().seq()).isEqualTo(3);
            assertThat(events(sub, 2)).containsExactly(4L, 5L);
        }
        try (Subscription sub = subscriptions().since(SubscriptionFilter.all(), 3)) {
            assertThat(events(sub, 2)).as("nothing after seq 3 was pruned: no resync").containsExactly(4L, 5L);
        }
    }

    @Test
    void aNegativeSinceSeqReplaysEverything() throws Exception {
        publish(2, "s1");
        try (Subscription sub = subscriptions().since(SubscriptionFilter.all(), -7)) {
            assertThat(sub.startSeq()).isZero();
            assertThat(events(sub, 2)).containsExactly(1L, 2L);
        }
    }

    @Test
    void closingLeavesTheBusAndEndsTheSubscription() throws Exception {
        Subscription sub = subscriptions().live(SubscriptionFilter.all());
        assertThat(log.bus().subscriberCount()).isEqualTo(1);
        sub.close();
        sub.close();
        assertThat(log.bus().subscriberCount()).isZero();
        assertThatThrownBy(() -> sub.next(Duration.ZERO)).isInstanceOf(IllegalStateException.class);
    }

    /** Publishes {@code n} status events of {@code sessionId}, one transaction each. */
    private void publish(int n, String sessionId) {
        for (int i = 0; i < n; i++) {
            database.write(tx -> log.publish(tx, new BusEvent.TitleChanged(sessionId, "r1", "t")));
        }
    }

    /** The seqs of the next {@code n} items, which must all be events. */
    private static List<Long> events(Subscription sub, int n) throws InterruptedException {
        List<Long> seqs = new ArrayList<>();
        while (seqs.size() < n) {
            Optional<SubscriptionItem> item = sub.next(WAIT);
            assertThat(item).as("event %d of %d", seqs.size() + 1, n).isPresent();
            assertThat(item.get()).isInstanceOf(SubscriptionItem.Event.class);
            seqs.add(((SubscriptionItem.Event) item.get()).event().seq());
        }
        return seqs;
    }
}
