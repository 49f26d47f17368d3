package io.agentd.daemon.bus;

import io.agentd.daemon.json.JsonMappers;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.RpcServer;
import io.agentd.daemon.rpc.RpcServerOptions;
import io.agentd.store.Database;
import io.agentd.store.testing.TempDatabaseExtension;
import io.agentd.testkit.daemon.LineClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bus end to end in one process: a real temporary database, the event log, the bus and {@code Subscribe}
 * on a real RPC server on a Unix socket, with events published by the test inside real write transactions.
 * The properties the daemon promises subscribers, without a Claude session in the way.
 */
@ExtendWith(TempDatabaseExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BusIT {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int CAPACITY = 1024;
    private static final Duration HEARTBEAT = Duration.ofMillis(300);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<LineClient> clients = Collections.synchronizedList(new ArrayList<>());
    private Database database;
    private EventLog eventLog;
    private Path socketDir;
    private RpcServer server;

    @BeforeEach
    void start(Database database) throws IOException {
        this.database = database;
        // Event timestamps (and so retention) follow the test clock; heartbeats and ids need real time.
        eventLog = new EventLog(database, new EventBus(Clock.systemUTC(), CAPACITY), clock);
        MethodRegistry registry = new MethodRegistry();
        new SubscribeHandler(new Subscriptions(eventLog, Clock.systemUTC(), HEARTBEAT)).register(registry);
        socketDir = Files.createTempDirectory(Path.of("/tmp"), "agentd-bus");
        server = RpcServer.start(socketDir.resolve("d.sock"), registry,
                new RpcServerOptions(RpcServerOptions.DEFAULT_MAX_LINE_BYTES, Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() throws IOException {
        for (LineClient c : List.copyOf(clients)) {
            c.close();
        }
        threads.shutdownNow();
        server.close();
        try (Stream<Path> paths = Files.walk(socketDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void concurrentPublishersReachEverySubscriberInStrictSeqOrder() throws Exception {
        List<Subscription> subscribers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            subscribers.add(subscribe("{}"));
        }
        int publishers = 8;
        int perPublisher = 500;
        List<Future<List<Long>>> published = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            int publisher = p;
            published.add(threads.submit(() -> {
                List<Long> seqs = new ArrayList<>();
                for (int i = 0; i < perPublisher; i++) {
                    seqs.add(publish(publisher, i, 0).seq());
                }
                return seqs;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : published) {
            all.addAll(f.get(20, TimeUnit.SECONDS));
        }
        Collections.sort(all);
        assertThat(all).hasSize(publishers * perPublisher).doesNotHaveDuplicates();
        for (Subscription s : subscribers) {
            List<JsonNode> events = s.events(all.size());
            assertThat(seqs(events)).isEqualTo(all);
            // Each publisher's own events keep the order it published them in.
            for (int p = 0; p < publishers; p++) {
                int publisher = p;
                assertThat(events.stream().filter(e -> e.path("data").path("publisher").asInt() == publisher)
                        .map(e -> e.path("data").path("index").asInt()).toList())
                        .containsExactlyElementsOf(LongStream.range(0, perPublisher).mapToObj(i -> (int) i).toList());
            }
        }
    }

    @Test
    void aSubscriberKilledMidStreamResumesWithSinceSeqMissingAndRepeatingNothing() throws Exception {
        Subscription first = subscribe("{}");
        Future<List<Long>> publishing = threads.submit(() -> {
            List<Long> seqs = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                seqs.add(publish(0, i, 0).seq());
            }
            return seqs;
        });
        List<Long> seen = new ArrayList<>(seqs(first.events(100)));
        first.close(); // hang up mid-stream, events still being published
        Subscription resumed = subscribe("{\"since_seq\":" + seen.getLast() + "}");
        assertThat(resumed.confirmation().path("result").path("last_seq").asLong()).isEqualTo(seen.getLast());
        List<Long> all = publishing.get(20, TimeUnit.SECONDS);
        List<Long> rest = seqs(resumed.events(all.size() - 100));
        seen.addAll(rest);
        assertThat(seen).isEqualTo(all);
        assertThat(resumed.quietFor(Duration.ofMillis(500))).isTrue();
    }

    @Test
    void aSubscriberThatNeverReadsSlowsNobodyHoldsOneBufferAndLaterCatchesUpLosslessly() throws Exception {
        LineClient stuck = connect();
        stuck.send("{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"params\":{},\"id\":1}");
        Subscription reader = subscribe("{}");
        await().atMost(Duration.ofSeconds(5)).until(() -> eventLog.bus().subscriberCount() == 2);
        Subscriber stuckOnBus = eventLog.bus().subscribers().stream()
                .filter(s -> !s.id().equals(reader.confirmation().path("result").path("subscription_id").asString()))
                .findFirst().orElseThrow();

        AtomicInteger maxBuffered = new AtomicInteger();
        AtomicBoolean publishing = new AtomicBoolean(true);
        Future<?> sampler = threads.submit(() -> {
            while (publishing.get()) {
                maxBuffered.accumulateAndGet(stuckOnBus.buffered(), Math::max);
                Thread.onSpinWait();
            }
        });
        Future<List<JsonNode>> reading = threads.submit(() -> reader.events(20_000));
        int publishers = 4;
        int perPublisher = 5_000;
        List<Future<?>> running = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            int publisher = p;
            running.add(threads.submit(() -> {
                for (int i = 0; i < perPublisher; i++) {
                    publish(publisher, i, 1_000);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get(20, TimeUnit.SECONDS); // the publishers finish although one subscriber reads nothing
        }
        publishing.set(false);
        sampler.get(5, TimeUnit.SECONDS);
        List<Long> expected = LongStream.rangeClosed(1, 20_000).boxed().toList();
        assertThat(seqs(reading.get(20, TimeUnit.SECONDS))).isEqualTo(expected);

        assertThat(maxBuffered.get()).isLessThanOrEqualTo(stuckOnBus.capacity()).isEqualTo(CAPACITY);
        assertThat(stuckOnBus.buffered()).isLessThanOrEqualTo(CAPACITY);
        assertThat(stuckOnBus.isBehind()).as("the stuck subscriber overflowed").isTrue();

        // Now it reads: confirmation, then every event exactly once, in order, through the catch-up path.
        Subscription late = Subscription.attach(stuck, this);
        assertThat(seqs(late.events(20_000))).isEqualTo(expected);
        assertThat(late.quietFor(Duration.ofMillis(500))).isTrue();
    }

    @Test
    void aThousandConcurrentSubscribersEachGetEveryEvent() throws Exception {
        List<Subscription> subscribers = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            subscribers.add(subscribe("{}"));
        }
        assertThat(eventLog.bus().subscriberCount()).isEqualTo(1_000);
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            published.add(publish(0, i, 0).seq());
        }
        List<Future<List<Long>>> received = new ArrayList<>();
        for (Subscription s : subscribers) {
            received.add(threads.submit(() -> seqs(s.events(50))));
        }
        for (Future<List<Long>> r : received) {
            assertThat(r.get(20, TimeUnit.SECONDS)).isEqualTo(published);
        }
    }

    @Test
    void theHandshakeIsExactlyWhatTheHumanlayerCliParses() throws Exception {
        LineClient client = connect();
        client.send("{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"params\":{\"event_types\":[\"session_status_changed\"]},\"id\":1}");
        Subscription sub = Subscription.attach(client, this);
        JsonNode confirmation = sub.line(Duration.ofSeconds(5)); // hlyr gives up after 5 s
        assertThat(confirmation.path("jsonrpc").asString()).isEqualTo("2.0");
        assertThat(confirmation.has("id")).isTrue();
        assertThat(confirmation.get("id").isNull()).isTrue();
        assertThat(confirmation.path("result").path("subscription_id").asString()).matches("\\d{14}-[0-9a-f]{16}");
        assertThat(confirmation.path("result").path("message").asString()).isEqualTo("Subscription established. Waiting for events...");

        JsonNode heartbeat = sub.line(Duration.ofSeconds(5));
        assertThat(heartbeat.path("result").path("type").asString()).isEqualTo("heartbeat");
        assertThat(heartbeat.path("result").path("message").asString()).isEqualTo("Connection alive");
        assertThat(heartbeat.get("id").isNull()).isTrue();
        assertThat(heartbeat.path("result").has("event")).isFalse();

        database.write(tx -> eventLog.append(tx, BusEventType.CONVERSATION_UPDATED, "s1", "r1", "{}"));
        PublishedEvent status = publish(0, 0, 0);
        // hlyr skips heartbeats and emits result.event; the filtered-out conversation event never comes.
        JsonNode event = sub.events(1).getFirst();
        assertThat(event.path("type").asString()).isEqualTo("session_status_changed");
        assertThat(event.path("seq").asLong()).isEqualTo(status.seq());
        assertThat(Instant.parse(event.path("timestamp").asString())).isEqualTo(status.timestamp());
        assertThat(event.path("data").path("session_id").asString()).isEqualTo("s1");
        assertThat(sub.lastEnvelope().get("id").isNull()).isTrue();
    }

    @Test
    void aSinceSeqOlderThanTheRetainedLogGetsResyncRequiredFirst() throws Exception {
        for (int i = 0; i < 10; i++) {
            publish(0, i, 0);
        }
        clock.advance(Duration.ofDays(2));
        for (int i = 10; i < 15; i++) {
            publish(0, i, 0);
        }
        assertThat(eventLog.prune(Duration.ofDays(1))).isEqualTo(10);

        Subscription stale = subscribe("{\"since_seq\":3}");
        List<JsonNode> events = stale.events(6);
        assertThat(events.getFirst().path("type").asString()).isEqualTo("resync_required");
        assertThat(events.getFirst().path("data").path("requested_since_seq").asLong()).isEqualTo(3);
        assertThat(events.getFirst().path("data").path("first_retained_seq").asLong()).isEqualTo(11);
        assertThat(seqs(events.subList(1, 6))).containsExactly(11L, 12L, 13L, 14L, 15L);

        Subscription current = subscribe("{\"since_seq\":10}");
        assertThat(seqs(current.events(5))).containsExactly(11L, 12L, 13L, 14L, 15L);
    }

    @Test
    void aSinceSeqIsStillToldToResyncWhenRetentionEmptiedTheLog() throws Exception {
        for (int i = 0; i < 5; i++) {
            publish(0, i, 0);
        }
        clock.advance(Duration.ofDays(2));
        assertThat(eventLog.prune(Duration.ofDays(1))).isEqualTo(5);

        Subscription stale = subscribe("{\"since_seq\":2}");
        JsonNode resync = stale.events(1).getFirst();
        assertThat(resync.path("type").asString()).isEqualTo("resync_required");
        assertThat(resync.path("data").path("first_retained_seq").asLong()).isEqualTo(6);
        long next = publish(0, 5, 0).seq();
        assertThat(next).isEqualTo(6);
        assertThat(seqs(stale.events(1))).containsExactly(6L);
    }

    private PublishedEvent publish(int publisher, int index, int padding) {
        // A synthetic payload that says who published it and when, recorded like a real one.
        ObjectNode data = JsonMappers.daemon().createObjectNode();
        data.put("session_id", "s1");
        data.put("run_id", "r1");
        data.put("publisher", publisher);
        data.put("index", index);
        if (padding > 0) {
            data.put("padding", "x".repeat(padding));
        }
        return database.write(tx -> eventLog.append(tx, BusEventType.SESSION_STATUS_CHANGED, "s1", "r1",
                JsonMappers.daemon().writeValueAsString(data)));
    }

    private LineClient connect() throws IOException {
        LineClient client = LineClient.connect(server.socketPath());
        clients.add(client);
        return client;
    }

    private Subscription subscribe(String params) throws Exception {
        LineClient client = connect();
        client.send("{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"params\":" + params + ",\"id\":1}");
        Subscription s = Subscription.attach(client, this);
        s.confirm();
        return s;
    }

    private static List<Long> seqs(List<JsonNode> events) {
        return events.stream().map(e -> e.path("seq").asLong()).toList();
    }

    /** One subscription's stream of lines, read with timeouts. */
    private static final class Subscription implements AutoCloseable {
        private final LineClient client;
        private final ExecutorService threads;
        private final ConcurrentLinkedQueue<JsonNode> last = new ConcurrentLinkedQueue<>();
        private JsonNode confirmation;

        private Subscription(LineClient client, ExecutorService threads) {
            this.client = client;
            this.threads = threads;
        }

        static Subscription attach(LineClient client, BusIT test) {
            return new Subscription(client, test.threads);
        }

        void confirm() throws Exception {
            confirmation = line(Duration.ofSeconds(5));
            assertThat(confirmation.path("result").has("subscription_id")).as("confirmation %s", confirmation).isTrue();
        }

        JsonNode confirmation() {
            return confirmation;
        }

        /** The next line, whatever it is. */
        JsonNode line(Duration timeout) throws Exception {
            return within(() -> MAPPER.readTree(client.readLine()), timeout);
        }

        /** The next {@code n} events, skipping the confirmation and heartbeats as hlyr does. */
        List<JsonNode> events(int n) throws Exception {
            return within(() -> {
                List<JsonNode> events = new ArrayList<>(n);
                while (events.size() < n) {
                    JsonNode line = MAPPER.readTree(client.readLine());
                    if (line.path("result").has("event")) {
                        events.add(line.path("result").path("event"));
                        last.clear();
                        last.add(line);
                    }
                }
                return events;
            }, READ_TIMEOUT);
        }

        JsonNode lastEnvelope() {
            return last.peek();
        }

        /** True when no event arrives within {@code window} (heartbeats aside). */
        boolean quietFor(Duration window) throws Exception {
            Future<List<JsonNode>> next = threads.submit(() -> events(1));
            try {
                next.get(window.toMillis(), TimeUnit.MILLISECONDS);
                return false;
            } catch (TimeoutException e) {
                next.cancel(true);
                client.close();
                return true;
            }
        }

        private <T> T within(Callable<T> read, Duration timeout) throws Exception {
            Future<T> f = threads.submit(read);
            try {
                return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                client.close();
                throw new AssertionError("nothing within " + timeout, e);
            }
        }

        @Override
        public void close() throws IOException {
            client.close();
        }
    }
}
