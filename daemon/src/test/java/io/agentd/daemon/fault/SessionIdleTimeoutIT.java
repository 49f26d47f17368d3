package io.agentd.daemon.fault;

import io.agentd.daemon.session.FakeClaudeDaemon;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeclaude.FakeClaude;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Claude that hangs past {@code --session-idle-timeout}: stopped with the interrupt escalation and ended
 * {@code failed} saying why; a Claude that keeps talking, or waits for a person's approval, is left alone;
 * idleness and a stop in progress survive a daemon restart.
 */
class SessionIdleTimeoutIT {
    private static final String INIT = "{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"c1\",\"model\":\"m\"}";
    private static final String RESULT = "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,"
            + "\"session_id\":\"c1\",\"num_turns\":1,\"total_cost_usd\":0.01,\"result\":\"done\"}";

    private FakeClaudeDaemon agentd;

    @BeforeEach
    void setUp() throws Exception {
        agentd = new FakeClaudeDaemon();
    }

    @AfterEach
    void tearDown() throws Exception {
        agentd.close();
    }

    @Test
    void aSilentClaudeIgnoringSigintIsStoppedAndEndsFailedSayingWhy() throws Exception {
        agentd.fake(FakeClaude.builder().stdout(INIT).hangIgnoringSigint());
        agentd.start("--session-idle-timeout", "2s");
        String id = agentd.launch("hang");
        agentd.awaitRawEvents(id, 1);
        long group = agentd.processGroup(id);

        JsonNode session = agentd.awaitEnd(id);

        assertThat(session.path("status").asString()).isEqualTo("failed");
        assertThat(session.path("error_message").asString()).isEqualTo("no output from Claude for 2s; stopped by agentd");
        assertThat(FakeClaudeDaemon.awaitGone(group)).as("SIGTERM ended what ignored SIGINT").isTrue();
        assertThat(agentd.daemon().stderr()).contains("sending SIGTERM");
    }

    @Test
    void aClaudeThatKeepsWritingOrWaitsForAnApprovalIsLeftAlone() throws Exception {
        Path gate = agentd.dir().resolve("gate");
        List<String> slow = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            slow.add("{\"type\":\"assistant\",\"session_id\":\"c1\",\"message\":{\"id\":\"m" + i + "\",\"role\":\"assistant\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"still here " + i + "\"}]}}");
        }
        // Writes every 0.7 s for 4 s (a 2 s timeout never passes), then waits for an approval the test decides
        // after 5 s, then finishes.
        agentd.fake(FakeClaude.builder().stdout(INIT).stdoutSlowly(Duration.ofMillis(700), slow).awaitFile(gate)
                .stdout(RESULT).exit(0));
        agentd.start("--session-idle-timeout", "2s");
        String id = agentd.launch("talk, then ask");
        agentd.awaitRawEvents(id, 1 + slow.size());

        String approval;
        try (LineClient client = agentd.client()) {
            approval = client.result("createApproval", Map.of("run_id", id, "tool_name", "Bash",
                    "tool_input", Map.of("command", "make"), "tool_use_id", "toolu_1")).path("approval_id").asString();
            assertThat(agentd.session(id).path("status").asString()).isEqualTo("waiting_input");
            Thread.sleep(5_000);
            assertThat(agentd.session(id).path("status").asString()).as("a person may take their time")
                    .isEqualTo("waiting_input");
            client.result("sendDecision", Map.of("approval_id", approval, "decision", "approve"));
        }
        // The clock starts again at the decision: Claude has the whole timeout to go on.
        Files.createFile(gate);

        JsonNode session = agentd.awaitEnd(id);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
    }

    @Test
    void idlenessIsMeasuredFromTheSpoolAcrossARestart() throws Exception {
        agentd.fake(FakeClaude.builder().stdout(INIT).hangForever());
        DaemonProcess first = agentd.start("--session-idle-timeout", "8s");
        String id = agentd.launch("hang while the daemon restarts");
        agentd.awaitRawEvents(id, 1);
        first.signal("KILL");
        first.awaitExit(Duration.ofSeconds(10));
        // Claude has been silent for more than 8 s when the next daemon starts: it stops it at once, rather
        // than 8 s after the restart.
        Thread.sleep(9_000);

        agentd.start("--session-idle-timeout", "8s");
        long restarted = System.nanoTime();
        JsonNode session = agentd.awaitEnd(id);

        assertThat(session.path("status").asString()).isEqualTo("failed");
        assertThat(session.path("error_message").asString()).isEqualTo("no output from Claude for 8s; stopped by agentd");
        assertThat(Duration.ofNanos(System.nanoTime() - restarted)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void aStopInProgressIsFinishedByTheNextDaemon() throws Exception {
        agentd.fake(FakeClaude.builder().stdout(INIT).hangIgnoringSigint());
        DaemonProcess first = agentd.start("--session-idle-timeout", "1s");
        String id = agentd.launch("hang, ignoring SIGINT");
        awaitStopReason(id);
        first.signal("KILL"); // before the escalation reaches SIGTERM (5 s after SIGINT)
        first.awaitExit(Duration.ofSeconds(10));
        long group = agentd.processGroup(id);
        assertThat(FakeClaudeDaemon.alive(group)).isTrue();

        agentd.start("--session-idle-timeout", "0"); // disabled: only the recorded stop can end it
        JsonNode session = agentd.awaitEnd(id);

        assertThat(session.path("status").asString()).isEqualTo("failed");
        assertThat(session.path("error_message").asString()).isEqualTo("no output from Claude for 1s; stopped by agentd");
        assertThat(FakeClaudeDaemon.awaitGone(group)).isTrue();
    }

    private void awaitStopReason(String id) throws Exception {
        long deadline = System.nanoTime() + FakeClaudeDaemon.TIMEOUT.toNanos();
        while (agentd.queryLong("SELECT COUNT(*) FROM session_processes WHERE session_id = ? AND stop_reason IS NOT NULL",
                id) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("session " + id + " was never stopped: " + agentd.daemon().stderr());
            }
            Thread.sleep(20);
        }
    }
}
