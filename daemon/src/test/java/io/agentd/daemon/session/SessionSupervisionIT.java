package io.agentd.daemon.session;

import io.agentd.daemon.session.stream.Transcripts;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeclaude.FakeClaude;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daemon's limits and lifecycle around sessions: no claude, the session limit, shutdown ending
 * sessions, and {@code --detach-sessions} leaving them to the next daemon.
 */
class SessionSupervisionIT {
    private static final String INIT = firstLine("text.jsonl");

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
    void launchingWithoutAClaudeIsAClearErrorAndLeavesNoSessionBehind() throws Exception {
        agentd.claudePath(agentd.dir().resolve("no-such-claude").toString());
        agentd.start();

        try (LineClient client = agentd.client()) {
            JsonNode response = client.call("launchSession", Map.of("query", "hi", "working_dir", agentd.work().toString()));

            assertThat(response.has("error")).as(response.toString()).isTrue();
            assertThat(response.path("error").path("message").asString()).contains("claude not available");
            assertThat(client.result("listSessions", null).get("sessions")).isEmpty();
        }
    }

    @Test
    void aLaunchOverTheSessionLimitFailsNamingTheLimit() throws Exception {
        agentd.fake(FakeClaude.builder().stdout(INIT).hangForever());
        agentd.start("--max-sessions", "1");
        String first = agentd.launch("keep busy");
        agentd.awaitStatus(first, Set.of("running"));

        try (LineClient client = agentd.client()) {
            JsonNode response = client.call("launchSession", Map.of("query", "one more", "working_dir",
                    agentd.work().toString()));

            assertThat(response.path("error").path("message").asString()).contains("--max-sessions").contains("1 sessions");
            assertThat(client.result("listSessions", null).get("sessions")).hasSize(1);
        }
    }

    @Test
    void sigtermEndsARunningSessionInterruptedAndTheDaemonExitsZero() throws Exception {
        agentd.fake(FakeClaude.builder().stdout(INIT).hangForever());
        DaemonProcess daemon = agentd.start();
        String id = agentd.launch("wait forever");
        agentd.awaitRawEvents(id, 1);
        long group = agentd.processGroup(id);

        daemon.signal("TERM");

        assertThat(daemon.awaitExit(Duration.ofSeconds(30))).as(daemon.stderr()).isZero();
        assertThat(FakeClaudeDaemon.awaitGone(group)).as("claude process ended").isTrue();
        agentd.start();
        assertThat(agentd.session(id).path("status").asString()).isEqualTo("interrupted");
    }

    @Test
    void withDetachSessionsTheProcessOutlivesTheDaemonAndTheNextDaemonReattaches() throws Exception {
        agentd.fake(FakeClaude.builder().stdout(INIT).hangForever());
        DaemonProcess daemon = agentd.start("--detach-sessions");
        String id = agentd.launch("outlive the daemon");
        agentd.awaitRawEvents(id, 1);
        long group = agentd.processGroup(id);

        daemon.signal("TERM");

        assertThat(daemon.awaitExit(Duration.ofSeconds(30))).as(daemon.stderr()).isZero();
        assertThat(FakeClaudeDaemon.alive(group)).as("claude left running").isTrue();
        agentd.start("--detach-sessions");
        assertThat(agentd.session(id).path("status").asString()).isEqualTo("running");
        try (LineClient client = agentd.client()) {
            assertThat(client.result("interruptSession", Map.of("session_id", id)).path("success").asBoolean()).isTrue();
        }
        assertThat(agentd.awaitEnd(id).path("status").asString()).isEqualTo("interrupted");
        assertThat(FakeClaudeDaemon.awaitGone(group)).as("claude process ended").isTrue();
        // Re-attached, not restarted: the one init line is stored once.
        assertThat(agentd.queryLong("SELECT COUNT(*) FROM raw_events WHERE session_id = ?", id)).isEqualTo(1);
    }

    private static String firstLine(String transcript) {
        try {
            return Files.readAllLines(Transcripts.dir().resolve(transcript)).getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
