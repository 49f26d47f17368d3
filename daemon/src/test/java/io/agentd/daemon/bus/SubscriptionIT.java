package io.agentd.daemon.bus;

import io.agentd.testkit.daemon.ClaudeDaemon;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeapi.FakeAnthropicApi;
import io.agentd.testkit.fakeapi.Reply;
import io.agentd.testkit.fakeapi.Script;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscriptions against the real daemon running real Claude sessions. */
class SubscriptionIT {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private FakeAnthropicApi api;
    private ClaudeDaemon claude;
    private Path work;

    @BeforeEach
    void setUp() throws Exception {
        Path dir = DaemonProcess.tempDir();
        api = FakeAnthropicApi.start();
        claude = new ClaudeDaemon(dir, api, Map.of());
        work = Files.createDirectories(dir.resolve("work"));
        claude.start(List.of("--heartbeat", "1s"));
        api.script("chat", Script.of(Reply.thinking("Let me think.", "Hello there.")));
    }

    @AfterEach
    void tearDown() {
        claude.close();
        api.close();
    }

    @Test
    void confirmationComesFirstWithANullIdInHldsShape() throws Exception {
        try (LineClient sub = claude.daemon().client()) {
            sub.send("{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"params\":{},\"id\":7}");
            JsonNode confirmation = MAPPER.readTree(sub.readLine());
            assertThat(confirmation.get("id").isNull()).isTrue();
            assertThat(confirmation.path("result").path("subscription_id").asString()).matches("\\d{14}-[0-9a-f]{16}");
            assertThat(confirmation.path("result").path("message").asString())
                    .isEqualTo("Subscription established. Waiting for events...");
            JsonNode heartbeat = MAPPER.readTree(sub.readLine());
            assertThat(heartbeat.path("result").path("type").asString()).isEqualTo("heartbeat");
            assertThat(heartbeat.get("id").isNull()).isTrue();
        }
    }

    @Test
    void aSessionsWholeLifeArrivesInOrderWithSeqAndRunId() throws Exception {
        try (LineClient sub = claude.daemon().client()) {
            subscribe(sub, "{}");
            String id = launch();
            List<JsonNode> events = readUntilStatus(sub, id, "completed");
            assertThat(events).allSatisfy(e -> {
                assertThat(e.path("data").path("session_id").asString()).isEqualTo(id);
                assertThat(e.path("data").path("run_id").asString()).isNotBlank();
            });
            List<Long> seqs = events.stream().map(e -> e.path("seq").asLong()).toList();
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
            List<String> statuses = events.stream()
                    .filter(e -> e.path("type").asString().equals("session_status_changed"))
                    .filter(e -> !e.path("data").path("reason").asString().equals("token_update"))
                    .map(e -> e.path("data").path("old_status").asString() + ">" + e.path("data").path("new_status").asString())
                    .toList();
            assertThat(statuses).containsExactly("starting>running", "running>completed");
            List<String> conversation = events.stream().filter(e -> e.path("type").asString().equals("conversation_updated"))
                    .map(e -> e.path("data").path("event_type").asString()).toList();
            assertThat(conversation).containsExactly("message", "thinking", "message");
        }
    }

    @Test
    void aSubscriberThatReconnectsWithSinceSeqMissesAndRepeatsNothing() throws Exception {
        String id;
        long seen;
        List<Long> firstPart = new ArrayList<>();
        try (LineClient sub = claude.daemon().client()) {
            subscribe(sub, "{}");
            id = launch();
            // Read only the first two events, then drop the connection mid-stream.
            for (int i = 0; i < 2; i++) {
                firstPart.add(nextEvent(sub).path("seq").asLong());
            }
            seen = firstPart.getLast();
        }
        claude.awaitStatus(id, Set.of("completed"), TIMEOUT);
        List<Long> rest = new ArrayList<>();
        try (LineClient sub = claude.daemon().client()) {
            subscribe(sub, "{\"since_seq\":" + seen + "}");
            for (JsonNode e : readUntilStatus(sub, id, "completed")) {
                rest.add(e.path("seq").asLong());
            }
        }
        List<Long> all = new ArrayList<>();
        try (LineClient sub = claude.daemon().client()) {
            subscribe(sub, "{\"since_seq\":0}");
            for (JsonNode e : readUntilStatus(sub, id, "completed")) {
                all.add(e.path("seq").asLong());
            }
        }
        List<Long> joined = new ArrayList<>(firstPart);
        joined.addAll(rest);
        assertThat(joined).isEqualTo(all);
    }

    @Test
    void filtersBySessionAndType() throws Exception {
        String first = launch();
        claude.awaitStatus(first, Set.of("completed"), TIMEOUT);
        try (LineClient sub = claude.daemon().client()) {
            subscribe(sub, "{\"event_types\":[\"session_status_changed\"],\"session_id\":\"" + first + "\",\"since_seq\":0}");
            String second = launch();
            claude.awaitStatus(second, Set.of("completed"), TIMEOUT);
            List<JsonNode> events = readUntilStatus(sub, first, "completed");
            assertThat(events).allSatisfy(e -> {
                assertThat(e.path("type").asString()).isEqualTo("session_status_changed");
                assertThat(e.path("data").path("session_id").asString()).isEqualTo(first);
            });
        }
    }

    @Test
    void manyConcurrentSubscribersEachSeeEveryEvent() throws Exception {
        int subscribers = 200;
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<LineClient> clients = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            LineClient c = claude.daemon().client();
            subscribe(c, "{}");
            clients.add(c);
        }
        String id = launch();
        List<Future<List<Long>>> results = new ArrayList<>();
        for (LineClient c : clients) {
            results.add(pool.submit(() -> readUntilStatus(c, id, "completed").stream().map(e -> e.path("seq").asLong()).toList()));
        }
        List<Long> reference = results.getFirst().get(60, TimeUnit.SECONDS);
        for (Future<List<Long>> r : results) {
            assertThat(r.get(60, TimeUnit.SECONDS)).isEqualTo(reference);
        }
        for (LineClient c : clients) {
            c.close();
        }
        pool.shutdown();
    }

    private String launch() throws Exception {
        try (LineClient client = claude.daemon().client()) {
            return client.result("launchSession", Map.of("query", Script.tag("chat") + " hi", "working_dir", work.toString()))
                    .path("session_id").asString();
        }
    }

    private static void subscribe(LineClient sub, String params) throws Exception {
        sub.send("{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"params\":" + params + ",\"id\":1}");
        assertThat(MAPPER.readTree(sub.readLine()).path("result").has("subscription_id")).isTrue();
    }

    private static JsonNode nextEvent(LineClient sub) throws Exception {
        while (true) {
            JsonNode line = MAPPER.readTree(sub.readLine());
            if (line.path("result").has("event")) {
                return line.path("result").path("event");
            }
        }
    }

    private static List<JsonNode> readUntilStatus(LineClient sub, String sessionId, String status) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        while (true) {
            JsonNode e = nextEvent(sub);
            events.add(e);
            JsonNode data = e.path("data");
            if (e.path("type").asString().equals("session_status_changed") && data.path("session_id").asString().equals(sessionId)
                    && data.path("new_status").asString().equals(status) && !data.path("reason").asString().equals("token_update")) {
                return events;
            }
        }
    }
}
