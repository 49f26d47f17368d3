package io.agentd.daemon.bus;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriberTest {
    private static final Duration NO_WAIT = Duration.ZERO;

    private static PublishedEvent event(long seq) {
        return new PublishedEvent(seq, "session_status_changed", Instant.EPOCH, "s1", "r1", "{}");
    }

    @Test
    void buffersInOrderUpToItsCapacity() throws Exception {
        Subscriber s = new Subscriber("id", SubscriptionFilter.all(), 4);
        for (long seq = 1; seq <= 4; seq++) {
            s.offer(event(seq));
        }
        assertThat(s.isBehind()).isFalse();
        assertThat(s.buffered()).isEqualTo(4);
        assertThat(drain(s)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(s.poll(NO_WAIT)).isNull();
    }

    @Test
    void overflowMarksItBehindAndMemoryStaysBoundedWhateverIsOffered() {
        Subscriber s = new Subscriber("id", SubscriptionFilter.all(), 16);
        for (long seq = 1; seq <= 100_000; seq++) {
            s.offer(event(seq));
            assertThat(s.buffered()).isLessThanOrEqualTo(16);
        }
        assertThat(s.isBehind()).isTrue();
        assertThat(s.buffered()).isEqualTo(16);
    }

    @Test
    void onceBehindItBuffersNothingMoreEvenWithRoomSoTheLogIsTheOnlySourceAfterTheGap() throws Exception {
        Subscriber s = new Subscriber("id", SubscriptionFilter.all(), 2);
        s.offer(event(1));
        s.offer(event(2));
        s.offer(event(3)); // overflows
        assertThat(s.poll(NO_WAIT).seq()).isEqualTo(1);
        s.offer(event(4)); // room again, but 3 was not buffered: 4 must not jump the gap
        assertThat(drain(s)).containsExactly(2L);
    }

    @Test
    void takingTheBehindMarkClearsTheBufferAndResumesLiveDelivery() throws Exception {
        Subscriber s = new Subscriber("id", SubscriptionFilter.all(), 2);
        for (long seq = 1; seq <= 5; seq++) {
            s.offer(event(seq));
        }
        assertThat(s.takeBehind()).isTrue();
        assertThat(s.isBehind()).isFalse();
        assertThat(s.buffered()).isZero();
        assertThat(s.takeBehind()).isFalse();
        s.offer(event(6));
        assertThat(drain(s)).containsExactly(6L);
    }

    @Test
    void eventsTheFilterRejectsTakeNoRoom() {
        Subscriber s = new Subscriber("id", new SubscriptionFilter(Set.of("conversation_updated"), null, null), 1);
        for (long seq = 1; seq <= 10; seq++) {
            s.offer(event(seq));
        }
        assertThat(s.buffered()).isZero();
        assertThat(s.isBehind()).isFalse();
    }

    private static List<Long> drain(Subscriber s) throws InterruptedException {
        List<Long> seqs = new ArrayList<>();
        PublishedEvent e;
        while ((e = s.poll(NO_WAIT)) != null) {
            seqs.add(e.seq());
        }
        return seqs;
    }
}
