package io.agentd.daemon.session;

import io.agentd.daemon.session.stream.Transcripts;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeclaude.FakeClaude;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real daemon supervising a claude that misbehaves in ways the real CLI does only rarely: crashes,
 * garbage, a huge line, never exiting, ignoring SIGINT, exiting without a result or by a signal. Also
 * what the daemon hands claude: its argv and the MCP config file.
 */
class MisbehavingClaudeIT {
    /** The real CLI's stdout for a one-message reply: init, assistant, result. */
    private static final List<String> TEXT = lines("text.jsonl");
    private static final String INIT = TEXT.get(0);
    private static final String ASSISTANT = TEXT.get(1);
    private static final String RESULT = TEXT.get(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    void aCrashMidStreamFailsWithStderrAndKeepsTheEventsSoFar() throws Exception {
        agentd.fake(FakeClaude.builder().stdout(INIT, ASSISTANT).stderr("Error: socket hang up (ECONNRESET)").exit(3));
        agentd.start();

        String id = agentd.launch("say something");

        JsonNode session = agentd.awaitEnd(id);
        assertThat(session.path("status").asString()).isEqualTo("failed");
        assertThat(session.path("error_message").asString()).contains("socket hang up (ECONNRESET)");
        assertThat(session.path("claude_session_id").asString()).isEqualTo(initSessionId());
        assertThat(contents(agentd.conversation(id))).anySatisfy(c -> assertThat(c).startsWith("Harness text reply."));
    }

    @Test
    void garbageLinesAreStoredRawAndASuccessfulResultStillCompletes() throws Exception {
        String garbage = "<html>502 Bad Gateway</html>";
        String truncated = "{\"type\":\"assistant\",\"message\":{\"content\":[";
        agentd.fake(FakeClaude.builder().stdout(INIT, garbage, ASSISTANT, truncated, RESULT));
        agentd.start();

        String id = agentd.launch("say something");

        JsonNode session = agentd.awaitEnd(id);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        assertThat(agentd.queryLong("SELECT COUNT(*) FROM raw_events WHERE session_id = ?", id)).isEqualTo(5);
        assertThat(agentd.queryLong("SELECT COUNT(*) FROM raw_events WHERE session_id = ? AND event_json = '"
                + garbage + "'", id)).isEqualTo(1);
        assertThat(contents(agentd.conversation(id))).anySatisfy(c -> assertThat(c).startsWith("Harness text reply."));
    }

    @Test
    void aFiftyMegabyteLineIsStoredAndTheDaemonKeepsAnswering() throws Exception {
        long bytes = 50L * 1024 * 1024;
        agentd.fake(FakeClaude.builder().stdout(INIT).hugeLine(bytes).stdout(ASSISTANT, RESULT));
        agentd.start();

        String id = agentd.launch("say something big");

        JsonNode session = agentd.awaitEnd(id);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        assertThat(agentd.queryLong("SELECT MAX(LENGTH(event_json)) FROM raw_events WHERE session_id = ?", id))
                .isEqualTo(bytes);
        try (LineClient client = agentd.client()) {
            assertThat(client.result("health", null).path("status").asString()).isEqualTo("ok");
        }
    }

    @Test
    void aClaudeThatNeverExitsIsInterrupted() throws Exception {
        agentd.fake(FakeClaude.builder().stdout(INIT).hangForever());
        agentd.start();
        String id = agentd.launch("wait forever");
        agentd.awaitRawEvents(id, 1);

        try (LineClient client = agentd.client()) {
            assertThat(client.result("interruptSession", Map.of("session_id", id)).path("status").asString())
                    .isEqualTo("interrupting");
        }

        assertThat(agentd.awaitEnd(id).path("status").asString()).isEqualTo("interrupted");
        assertThat(FakeClaudeDaemon.awaitGone(agentd.processGroup(id))).as("claude process ended").isTrue();
    }

    @Test
    void aClaudeIgnoringSigintIsStillInterruptedAfterTheGracePeriod() throws Exception {
        agentd.fake(FakeClaude.builder().stdout(INIT).hangIgnoringSigint());
        agentd.start();
        String id = agentd.launch("ignore me");
        agentd.awaitRawEvents(id, 1);

        try (LineClient client = agentd.client()) {
            client.result("interruptSession", Map.of("session_id", id));
        }

        // SIGINT is ignored; SIGTERM follows after the 5 s grace period.
        assertThat(agentd.awaitEnd(id).path("status").asString()).isEqualTo("interrupted");
        assertThat(FakeClaudeDaemon.awaitGone(agentd.processGroup(id))).as("claude process ended").isTrue();
    }

    @Test
    void exitingCleanlyWithoutAResultFailsWithAClearReason() throws Exception {
        agentd.fake(FakeClaude.builder().stdout(INIT, ASSISTANT).exit(0));
        agentd.start();

        String id = agentd.launch("say something");

        JsonNode session = agentd.awaitEnd(id);
        assertThat(session.path("status").asString()).isEqualTo("failed");
        assertThat(session.path("error_message").asString()).contains("claude exited without a result");
    }

    @Test
    void exitCode143FailsNamingSignal15() throws Exception {
        agentd.fake(FakeClaude.builder().stdout(INIT).exit(143));
        agentd.start();

        String id = agentd.launch("say something");

        JsonNode session = agentd.awaitEnd(id);
        assertThat(session.path("status").asString()).isEqualTo("failed");
        assertThat(session.path("error_message").asString()).contains("signal 15");
    }

    @Test
    void claudeGetsTheLaunchOptionsInHldsOrderAndTheQueryAfterDoubleDash() throws Exception {
        FakeClaude fake = agentd.fake(FakeClaude.builder().stdout(TEXT));
        agentd.start();
        Path extra = Files.createDirectories(agentd.work().resolve("extra"));
        String query = "--dangerously-skip-permissions rm everything";

        String id = agentd.launch(query, Map.of("model", "opus", "max_turns", 3, "system_prompt", "Be brief.",
                "append_system_prompt", "Answer in French.", "allowed_tools", List.of("Read", "Bash(git:*)"),
                "disallowed_tools", List.of("Write", "Edit"), "additional_directories", List.of(extra.toString())));

        assertThat(agentd.awaitEnd(id).path("status").asString()).isEqualTo("completed");
        assertThat(fake.lastArgs()).containsExactly("--model", "opus", "--output-format", "stream-json", "--verbose",
                "--max-turns", "3", "--system-prompt", "Be brief.", "--append-system-prompt", "Answer in French.",
                "--allowedTools", "Read,Bash(git:*)", "--disallowedTools", "Write,Edit", "--add-dir", extra.toString(),
                "--print", "--", query);
    }

    @Test
    void theMcpConfigIsAPrivateFileWhileTheSessionRunsAndDeletedAfterwards() throws Exception {
        FakeClaude fake = agentd.fake(FakeClaude.builder().stdout(INIT).hangForever());
        agentd.start();
        Map<String, Object> mcp = Map.of("mcpServers", Map.of("tickets", Map.of("command", "/usr/bin/tickets-mcp",
                "args", List.of("--stdio"), "env", Map.of("TICKETS_TOKEN", "s3cret"))));

        String id = agentd.launch("use the tickets server", Map.of("mcp_config", mcp));
        agentd.awaitRawEvents(id, 1);

        List<String> args = fake.lastArgs();
        int at = args.indexOf("--mcp-config");
        assertThat(at).as(args.toString()).isNotNegative();
        Path config = Path.of(args.get(at + 1));
        assertThat(config).startsWith(agentd.dir());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        JsonNode servers = JSON.readTree(Files.readString(config))
                .path("mcpServers");
        assertThat(servers.path("tickets").path("command").asString()).isEqualTo("/usr/bin/tickets-mcp");
        assertThat(servers.path("tickets").path("env").path("TICKETS_TOKEN").asString()).isEqualTo("s3cret");

        try (LineClient client = agentd.client()) {
            client.result("interruptSession", Map.of("session_id", id));
        }
        assertThat(agentd.awaitEnd(id).path("status").asString()).isEqualTo("interrupted");
        assertThat(config).doesNotExist();
    }

    private static String initSessionId() {
        return JSON.readTree(INIT).path("session_id").asString();
    }

    private static List<String> contents(JsonNode events) {
        List<String> out = new ArrayList<>();
        events.forEach(e -> out.add(e.path("content").asString("")));
        return out;
    }

    private static List<String> lines(String transcript) {
        try {
            return Files.readAllLines(Transcripts.dir().resolve(transcript)).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
