package io.agentd.daemon.session;

import io.agentd.testkit.daemon.ClaudeDaemon;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeapi.FakeAnthropicApi;
import io.agentd.testkit.fakeapi.RecordedRequest;
import io.agentd.testkit.fakeapi.Reply;
import io.agentd.testkit.fakeapi.Script;
import io.agentd.testkit.fakeapi.Usage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions end to end: the real daemon runs the real Claude Code CLI against the fake Anthropic API. */
class SessionLifecycleIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "interrupted");

    private FakeAnthropicApi api;
    private ClaudeDaemon claude;
    private Path work;

    @BeforeEach
    void setUp() throws Exception {
        Path dir = DaemonProcess.tempDir();
        api = FakeAnthropicApi.start();
        claude = new ClaudeDaemon(dir, api, Map.of());
        work = Files.createDirectories(dir.resolve("work"));
        claude.start(List.of());
    }

    @AfterEach
    void tearDown() {
        claude.close();
        api.close();
    }

    private Map<String, Object> launchParams(String script, String prompt) {
        return Map.of("query", Script.tag(script) + " " + prompt, "working_dir", work.toString(), "model", "sonnet");
    }

    @Test
    void launchRunsToCompletedWithConversationTokensCostModelAndReadSnapshot() throws Exception {
        Path file = Files.writeString(work.resolve("notes.txt"), "alpha\nbeta\n");
        api.script("read", Script.of(
                Reply.toolUse("Read", Map.of("file_path", file.toString())).withUsage(new Usage(100, 20, 5, 7)),
                Reply.text("The file says alpha and beta.").withUsage(new Usage(150, 30, 11, 13))));
        String id;
        try (LineClient client = claude.daemon().client()) {
            JsonNode launched = client.result("launchSession", launchParams("read", "read notes.txt"));
            id = launched.path("session_id").asString();
            assertThat(launched.path("run_id").asString()).isNotBlank();
        }
        JsonNode session = claude.awaitStatus(id, TERMINAL, TIMEOUT);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        assertThat(session.path("claude_session_id").asString()).isNotBlank();
        assertThat(session.path("model").asString()).isEqualTo("sonnet");
        assertThat(session.path("input_tokens").asLong()).isEqualTo(150);
        // The CLI's assistant events carry the usage of message_start, where output_tokens is still 1.
        long output = session.path("output_tokens").asLong();
        assertThat(output).isPositive();
        assertThat(session.path("cache_creation_input_tokens").asLong()).isEqualTo(11);
        assertThat(session.path("cache_read_input_tokens").asLong()).isEqualTo(13);
        assertThat(session.path("effective_context_tokens").asLong()).isEqualTo(150 + output + 11 + 13);
        assertThat(session.path("cost_usd").asDouble()).isPositive();
        try (LineClient client = claude.daemon().client()) {
            JsonNode events = client.result("getConversation", Map.of("session_id", id)).get("events");
            assertThat(events.get(0).path("event_type").asString()).isEqualTo("message");
            assertThat(events.get(0).path("role").asString()).isEqualTo("user");
            assertThat(events.get(0).path("content").asString()).contains("read notes.txt");
            List<String> types = new ArrayList<>();
            events.forEach(e -> types.add(e.path("event_type").asString()));
            assertThat(types).containsSubsequence("message", "tool_call", "tool_result", "message");
            JsonNode call = find(events, "tool_call");
            assertThat(call.path("tool_name").asString()).isEqualTo("Read");
            assertThat(call.path("is_completed").asBoolean()).isTrue();
            assertThat(events.get(events.size() - 1).path("content").asString()).isEqualTo("The file says alpha and beta.");
            JsonNode snapshots = client.result("getSessionSnapshots", Map.of("session_id", id)).get("snapshots");
            assertThat(snapshots).hasSize(1);
            assertThat(snapshots.get(0).path("file_path").asString()).isEqualTo(file.toString());
            assertThat(snapshots.get(0).path("content").asString()).isEqualTo("alpha\nbeta\n");
        }
    }

    @Test
    void continueResumesTheConversationAsANewSession() throws Exception {
        api.script("chat", Script.of(Reply.text("First answer."), Reply.text("Second answer.")));
        String parent;
        try (LineClient client = claude.daemon().client()) {
            parent = client.result("launchSession", launchParams("chat", "first question")).path("session_id").asString();
        }
        claude.awaitStatus(parent, Set.of("completed"), TIMEOUT);
        String child;
        try (LineClient client = claude.daemon().client()) {
            JsonNode continued = client.result("continueSession", Map.of("session_id", parent, "query", "second question"));
            child = continued.path("session_id").asString();
            assertThat(continued.path("parent_session_id").asString()).isEqualTo(parent);
            assertThat(child).isNotEqualTo(parent);
        }
        JsonNode session = claude.awaitStatus(child, TERMINAL, TIMEOUT);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        RecordedRequest second = api.messageRequests("chat").getLast();
        assertThat(second.texts("user").toString()).contains("first question").contains("second question");
        assertThat(second.texts("assistant").toString()).contains("First answer.");
        try (LineClient client = claude.daemon().client()) {
            JsonNode events = client.result("getConversation", Map.of("session_id", child)).get("events");
            List<String> contents = new ArrayList<>();
            events.forEach(e -> contents.add(e.path("content").asString()));
            assertThat(String.join("|", contents)).containsSubsequence("first question", "First answer.",
                    "second question", "Second answer.");
        }
    }

    @Test
    void interruptMidStreamEndsInterrupted() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        api.script("hang", Script.of(Reply.hang(never)));
        String id;
        try (LineClient client = claude.daemon().client()) {
            id = client.result("launchSession", launchParams("hang", "wait forever")).path("session_id").asString();
        }
        awaitClaudeId(id);
        try (LineClient client = claude.daemon().client()) {
            JsonNode interrupted = client.result("interruptSession", Map.of("session_id", id));
            assertThat(interrupted.path("status").asString()).isEqualTo("interrupting");
            assertThat(interrupted.path("success").asBoolean()).isTrue();
        }
        JsonNode session = claude.awaitStatus(id, TERMINAL, TIMEOUT);
        assertThat(session.path("status").asString()).isEqualTo("interrupted");
        never.countDown();
    }

    @Test
    void aSessionSurvivesTheDaemonKilledMidStreamAndEveryEventIsStoredOnce() throws Exception {
        api.script("slow", Script.of(
                Reply.toolUse("Bash", Map.of("command", "sleep 3; echo slept", "description", "wait")),
                Reply.text("Done after the pause.")));
        String id;
        try (LineClient client = claude.daemon().client()) {
            id = client.result("launchSession", Map.of("query", Script.tag("slow") + " pause", "working_dir",
                    work.toString(), "allowed_tools", List.of("Bash"))).path("session_id").asString();
        }
        awaitEvent(id, "tool_call");
        claude.daemon().signal("KILL");
        claude.daemon().awaitExit(Duration.ofSeconds(10));
        claude.start(List.of());
        JsonNode session = claude.awaitStatus(id, TERMINAL, TIMEOUT);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        Path stdout = claude.dir().resolve("spool").resolve(id).resolve("stdout");
        long lines = Files.readAllLines(stdout).stream().filter(l -> !l.isBlank()).count();
        try (Connection db = claude.database()) {
            assertThat(count(db, "SELECT COUNT(*) FROM raw_events WHERE session_id = '" + id + "'")).isEqualTo(lines);
            assertThat(count(db, "SELECT COUNT(*) FROM conversation_events WHERE session_id = '" + id
                    + "' AND event_type = 'tool_call'")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM conversation_events WHERE session_id = '" + id
                    + "' AND content = 'Done after the pause.'")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) - COUNT(DISTINCT sequence) FROM conversation_events WHERE session_id = '"
                    + id + "'")).isZero();
        }
    }

    @Test
    void aMissingWorkingDirectoryIsAClearErrorAndStoresNothing() throws Exception {
        try (LineClient client = claude.daemon().client()) {
            JsonNode response = client.call("launchSession", Map.of("query", "hi", "working_dir", work.resolve("nope").toString()));
            assertThat(response.path("error").path("code").asInt()).isEqualTo(-32602);
            assertThat(response.path("error").path("message").asString()).contains("working directory does not exist");
            assertThat(client.result("listSessions", null).get("sessions")).isEmpty();
        }
    }

    private void awaitClaudeId(String id) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (LineClient client = claude.daemon().client()) {
            while (System.nanoTime() < deadline) {
                JsonNode s = client.result("getSessionState", Map.of("session_id", id)).get("session");
                if (!s.path("claude_session_id").asString("").isEmpty()) {
                    return;
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("no claude session id for " + id);
    }

    private void awaitEvent(String id, String type) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (LineClient client = claude.daemon().client()) {
            while (System.nanoTime() < deadline) {
                JsonNode events = client.result("getConversation", Map.of("session_id", id)).get("events");
                for (JsonNode e : events) {
                    if (type.equals(e.path("event_type").asString())) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no " + type + " event in session " + id);
    }

    private static JsonNode find(JsonNode events, String type) {
        for (JsonNode e : events) {
            if (type.equals(e.path("event_type").asString())) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " in " + events);
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
