package io.agentd.daemon.bus;

import io.agentd.store.Database;
import io.agentd.store.testing.TempDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import io.agentd.daemon.json.JsonMappers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

@ExtendWith(TempDatabaseExtension.class)
class EventLogTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private Database database;
    private EventLog log;
    private Subscriber subscriber;

    @BeforeEach
    void setUp(Database database) {
        this.database = database;
        this.log = new EventLog(database, new EventBus(clock, 1024), clock);
        this.subscriber = log.bus().subscribe(SubscriptionFilter.all());
    }

    @Test
    void aRolledBackChangePublishesNothing() throws Exception {
        assertThatThrownBy(() -> database.write(tx -> {
            log.publish(tx, title("s1", "r1", 1));
            log.publish(tx, title("s1", "r1", 2));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");
        assertThat(subscriber.poll(Duration.ofMillis(100))).isNull();
        assertThat(log.after(0, 100)).isEmpty();
        assertThat(log.lastSeq()).isZero();
    }

    @Test
    void aFailingWorkBatchedWithACommittedOneDoesNotLeakItsEventNorSuppressTheOther() throws Exception {
        CompletableFuture<PublishedEvent> failing = database.writeAsync(tx -> {
            log.publish(tx, title("s1", "r1", 1));
            throw new IllegalStateException("the change failed");
        });
        CompletableFuture<PublishedEvent> committed = database.writeAsync(
                tx -> log.publish(tx, title("s2", "r2", 2)));
        assertThat(failing).failsWithin(Duration.ofSeconds(5));
        PublishedEvent published = committed.get();
        PublishedEvent received = subscriber.poll(Duration.ofSeconds(5));
        assertThat(received).isEqualTo(published);
        assertThat(received.sessionId()).isEqualTo("s2");
        assertThat(subscriber.poll(Duration.ofMillis(100))).isNull();
        assertThat(log.after(0, 100)).extracting(PublishedEvent::seq).containsExactly(published.seq());
    }

    @Test
    void aCommittedChangeIsDispatchedOnceWithIncreasingSeqMatchingTheLog() throws Exception {
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            published.addAll(database.write(tx -> List.of(
                    log.publish(tx, title("s1", "r1", 2 * n)).seq(),
                    log.publish(tx, title("s1", "r1", 2 * n + 1)).seq())));
        }
        List<Long> received = new ArrayList<>();
        PublishedEvent e;
        while ((e = subscriber.poll(Duration.ofMillis(200))) != null) {
            received.add(e.seq());
            assertThat(n(e)).isEqualTo(received.size() - 1);
        }
        assertThat(published).hasSize(10).isSorted().doesNotHaveDuplicates();
        assertThat(received).isEqualTo(published);
        assertThat(log.after(0, 100)).extracting(PublishedEvent::seq).isEqualTo(published);
        assertThat(log.lastSeq()).isEqualTo(published.getLast());
    }

    @Test
    void manyEventsPublishedAtOnceKeepTheirOrderInTheLogAndOnTheBus() throws Exception {
        List<BusEvent> drafts = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            drafts.add(title("s1", "r1", i + 1));
        }
        List<PublishedEvent> published = database.write(tx -> {
            List<PublishedEvent> out = new ArrayList<>();
            out.add(log.publish(tx, title("s1", "r1", 0)));
            out.addAll(log.publishAll(tx, drafts));
            out.addAll(log.publishAll(tx, List.of()));
            return out;
        });

        assertThat(published).extracting(PublishedEvent::seq).hasSize(71).isSorted().doesNotHaveDuplicates();
        assertThat(published).extracting(e -> n(e))
                .isEqualTo(IntStream.range(0, 71).boxed().toList());
        List<PublishedEvent> received = new ArrayList<>();
        PublishedEvent e;
        while ((e = subscriber.poll(Duration.ofMillis(200))) != null) {
            received.add(e);
        }
        assertThat(received).isEqualTo(published);
        assertThat(log.after(0, 100)).extracting(PublishedEvent::seq, x -> n(x))
                .isEqualTo(published.stream().map(x -> tuple(x.seq(), n(x))).toList());
    }

    @Test
    void pruningEveryEventKeepsTheSequencePositionSoAGapIsStillVisible() {
        for (int i = 0; i < 3; i++) {
            int n = i;
            database.write(tx -> log.publish(tx, title("s1", "r1", n)));
        }
        clock.advance(Duration.ofDays(2));
        assertThat(log.prune(Duration.ofDays(1))).isEqualTo(3);
        assertThat(log.lastSeq()).isEqualTo(3);
        assertThat(log.firstSeq()).isEqualTo(4);
        PublishedEvent next = database.write(tx -> log.publish(tx, title("s1", "r1", 3)));
        assertThat(next.seq()).isEqualTo(4);
        assertThat(log.firstSeq()).isEqualTo(4);
    }

    @Test
    void anEmptyLogStartsAtOne() {
        assertThat(log.lastSeq()).isZero();
        assertThat(log.firstSeq()).isEqualTo(1);
    }

    /** An event that carries {@code n}, in its title. */
    private static BusEvent title(String sessionId, String runId, int n) {
        return new BusEvent.TitleChanged(sessionId, runId, Integer.toString(n));
    }

    private static int n(PublishedEvent e) {
        return Integer.parseInt(JsonMappers.daemon().readTree(e.dataJson()).path("title").asString());
    }
}
