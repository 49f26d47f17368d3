package io.agentd.daemon.fault;

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

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the daemon while 20 real Claude sessions run (against the fake API), with a subscriber
 * recording events. Half of the sessions finish while no daemon runs, the other half after the restart.
 */
class DaemonCrashIT {
    private static final int SESSIONS = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private FakeAnthropicApi api;
    private ClaudeDaemon claude;
    private Path work;

    @BeforeEach
    void setUp() throws Exception {
        Path dir = DaemonProcess.tempDir();
        api = FakeAnthropicApi.start();
        claude = new ClaudeDaemon(dir, api, Map.of());
        work = Files.createDirectories(dir.resolve("work"));
    }

    @AfterEach
    void tearDown() {
        claude.close();
        api.close();
    }

    @Test
    void twentySessionsSurviveKill9WithEveryEventStoredOnce() throws Exception {
        List<String> args = List.of("--max-sessions", "32");
        claude.start(args);
        List<CountDownLatch> gates = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Faults.RecordingSubscriber subscriber = new Faults.RecordingSubscriber(claude.daemon().client());
        try (LineClient client = claude.daemon().client()) {
            for (int i = 0; i < SESSIONS; i++) {
                CountDownLatch gate = new CountDownLatch(1);
                gates.add(gate);
                // A tool call that takes a moment, then an answer that waits for the test.
                api.script("crash" + i, Script.of(
                        Reply.toolUse("Bash", Map.of("command", "sleep 1; echo tool " + i, "description", "pause")),
                        new Reply.Hang(Reply.text(answer(i)), gate)));
                ids.add(client.result("launchSession", Map.of("query", Script.tag("crash" + i) + " run " + i,
                        "working_dir", work.toString(), "allowed_tools", List.of("Bash"))).path("session_id").asString());
            }
        }
        // Every session has called its tool: some are in it, others wait for the second answer.
        for (String id : ids) {
            awaitRows(id, "tool_call");
        }
        claude.daemon().signal("KILL");
        claude.daemon().awaitExit(Duration.ofSeconds(10));
        subscriber.awaitHangUp(5_000);
        Map<Long, String> seenBeforeCrash = Map.copyOf(subscriber.events);
        subscriber.close();
        assertThat(seenBeforeCrash).isNotEmpty();

        // Half the sessions finish while no daemon runs; the rest after the restart.
        for (int i = 0; i < SESSIONS / 2; i++) {
            gates.get(i).countDown();
        }
        awaitExitFiles(ids.subList(0, SESSIONS / 2));
        claude.start(args);
        for (int i = SESSIONS / 2; i < SESSIONS; i++) {
            gates.get(i).countDown();
        }
        for (String id : ids) {
            JsonNode session = claude.awaitStatus(id, Set.of("completed", "failed", "interrupted"), TIMEOUT);
            assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        }

        try (Connection db = claude.database()) {
            for (int i = 0; i < SESSIONS; i++) {
                String id = ids.get(i);
                List<String> spooled = Files.readAllLines(claude.dir().resolve("spool").resolve(id).resolve("stdout"))
                        .stream().filter(l -> !l.isBlank()).toList();
                assertThat(strings(db, "SELECT event_json FROM raw_events WHERE session_id = ? ORDER BY id", id))
                        .as("raw events of session %d", i).containsExactlyElementsOf(spooled);
                // The fake API sent one tool call and one text answer; each is one conversation row.
                assertThat(strings(db, "SELECT tool_name FROM conversation_events WHERE session_id = ?"
                        + " AND event_type = 'tool_call'", id)).containsExactly("Bash");
                assertThat(strings(db, "SELECT COUNT(*) FROM conversation_events WHERE session_id = ?"
                        + " AND event_type = 'tool_result'", id)).containsExactly("1");
                assertThat(strings(db, "SELECT content FROM conversation_events WHERE session_id = ?"
                        + " AND event_type = 'message' AND role = 'assistant'", id)).containsExactly(answer(i));
            }
            for (Map.Entry<Long, String> seen : seenBeforeCrash.entrySet()) {
                assertThat(strings(db, "SELECT type FROM events WHERE seq = ?", Long.toString(seen.getKey())))
                        .as("event %d", seen.getKey()).containsExactly(seen.getValue());
            }
        }
        assertThat(Faults.integrityCheck(claude.daemon().database())).isEqualTo("ok");
    }

    private static String answer(int i) {
        return "Answer number " + i + ".";
    }

    private void awaitRows(String id, String type) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (Connection db = claude.database()) {
            while (System.nanoTime() < deadline) {
                if (!strings(db, "SELECT id FROM conversation_events WHERE session_id = ? AND event_type = '" + type
                        + "'", id).isEmpty()) {
                    return;
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("no " + type + " in session " + id + ": " + claude.daemon().stderr());
    }

    private void awaitExitFiles(List<String> ids) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (String id : ids) {
            Path exit = claude.dir().resolve("spool").resolve(id).resolve("exit");
            while (!Files.exists(exit)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("session " + id + " did not exit without the daemon");
                }
                Thread.sleep(50);
            }
        }
    }

    private static List<String> strings(Connection db, String sql, String param) throws Exception {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setString(1, param);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
