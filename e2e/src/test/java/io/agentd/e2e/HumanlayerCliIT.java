package io.agentd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.testkit.daemon.ClaudeDaemon;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeapi.FakeAnthropicApi;
import io.agentd.testkit.fakeapi.Reply;
import io.agentd.testkit.fakeapi.Script;
import io.agentd.testkit.humanlayer.HumanlayerCli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HumanLayer's own CLI, the pinned {@code humanlayer} npm package (hlyr), unchanged against agentd: its
 * {@code launch} command, its {@code mcp claude_approvals} server (injected as the approvals server, so every
 * approval here is created and polled by hlyr), and its daemon client's subscription. The daemon runs the
 * real Claude CLI against the fake Anthropic API; one daemon serves the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(90)
class HumanlayerCliIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(45);
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "interrupted");
    private static final Pattern SESSION_ID = Pattern.compile("(?m)^Session ID: (\\S+)$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FakeAnthropicApi api;
    private ClaudeDaemon claude;
    private Path dir;
    private Path work;
    private Path humanlayer;
    private Agentctl agentctl;

    @BeforeAll
    void startDaemon() throws Exception {
        humanlayer = HumanlayerCli.require();
        dir = DaemonProcess.tempDir();
        api = FakeAnthropicApi.start();
        // hlyr's server logs each getApproval poll to ~/.humanlayer/logs/mcp-claude-approvals-<run id>.log in debug
        claude = new ClaudeDaemon(dir, api, Map.of("AGENTD_APPROVALS_COMMAND",
                humanlayer.toAbsolutePath() + " mcp claude_approvals", "HUMANLAYER_MCP_DEBUG", "true"));
        work = Files.createDirectories(dir.resolve("work"));
        claude.start(List.of());
        agentctl = new Agentctl(claude.daemon().socket(), work);
    }

    @AfterAll
    void stopDaemon() {
        claude.close();
        api.close();
    }

    @Test
    void launchFlagsArriveWithHldsMeaning() throws Exception {
        Path target = work.resolve("bypassed.txt");
        api.script("flags", Script.of(
                Reply.toolUse("Write", Map.of("file_path", target.toString(), "content", "written under bypass")),
                Reply.text("Written without asking.")));
        Instant before = Instant.now();
        String id = launch(dir, Map.of(), Script.tag("flags") + " write a file", "--daemon-socket",
                claude.daemon().socket().toString(), "--model", "opus", "--title", "from hlyr", "--max-turns", "7",
                "--working-dir", work.toString(), "--dangerously-skip-permissions",
                "--dangerously-skip-permissions-timeout", "5");

        JsonNode session = claude.awaitStatus(id, TERMINAL, TIMEOUT);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        assertThat(session.path("model").asString()).isEqualTo("opus");
        assertThat(session.path("title").asString()).isEqualTo("from hlyr");
        assertThat(session.path("working_dir").asString()).isEqualTo(work.toString());
        assertThat(session.path("dangerously_skip_permissions").asBoolean()).isTrue();
        Instant expires = Instant.parse(session.path("dangerously_skip_permissions_expires_at").asString());
        assertThat(expires).as("5 minutes, sent by hlyr as 300000 ms (getSessionState shows whole seconds)")
                .isBetween(before.truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(5)),
                        Instant.now().plus(Duration.ofMinutes(5)));
        assertThat(api.messageRequests("flags")).isNotEmpty()
                .allSatisfy(request -> assertThat(request.model()).contains("opus"));
        assertThat(Files.readString(target)).isEqualTo("written under bypass");
        try (var db = claude.database()) {
            ResultSet row = db.createStatement().executeQuery(
                    "SELECT max_turns, permission_prompt_tool, dangerously_skip_permissions_timeout_ms FROM sessions"
                            + " WHERE id = '" + id + "'");
            assertThat(row.next()).isTrue();
            assertThat(row.getInt(1)).isEqualTo(7);
            assertThat(row.getString(2)).isEqualTo("mcp__codelayer__request_permission");
            assertThat(row.getLong(3)).isEqualTo(300_000L);
            ResultSet approval = db.createStatement().executeQuery(
                    "SELECT status, decided_by, tool_name, tool_use_id FROM approvals WHERE session_id = '" + id + "'");
            assertThat(approval.next()).as("hlyr's server asked, and the bypass answered").isTrue();
            assertThat(approval.getString(1)).isEqualTo("approved");
            assertThat(approval.getString(2)).isEqualTo("dangerously_skip_permissions");
            assertThat(approval.getString(3)).isEqualTo("Write");
            assertThat(approval.getString(4)).startsWith("toolu_");
        }
        List<JsonNode> conversation = conversation(id);
        assertThat(conversation).anySatisfy(e -> {
            assertThat(e.path("role").asString()).isEqualTo("user");
            assertThat(e.path("content").asString()).isEqualTo(Script.tag("flags") + " write a file");
        });
        assertThat(conversation).anySatisfy(e -> assertThat(e.path("tool_name").asString()).isEqualTo("Write"));
        assertThat(conversation).anySatisfy(e -> assertThat(e.path("content").asString())
                .isEqualTo("Written without asking."));
    }

    @Test
    void launchFindsTheSocketInTheEnvironmentAndSendsItsWorkingDirectoryAndTurnLimit() throws Exception {
        Path cwd = Files.createDirectories(work.resolve("from-cwd"));
        Path notes = Files.writeString(cwd.resolve("notes.txt"), "one\ntwo\n");
        api.script("cwd", Script.of(
                Reply.toolUse("Read", Map.of("file_path", notes.toString())),
                Reply.toolUse("Read", Map.of("file_path", notes.toString())),
                Reply.text("Read it twice.")));
        String id = launch(cwd, Map.of("HUMANLAYER_DAEMON_SOCKET", claude.daemon().socket().toString()),
                Script.tag("cwd") + " read the notes", "--max-turns", "1");

        JsonNode session = claude.awaitStatus(id, TERMINAL, TIMEOUT);
        assertThat(session.path("working_dir").asString()).isEqualTo(cwd.toString());
        assertThat(session.path("model").asString()).as("hlyr's default model").isEqualTo("sonnet");
        assertThat(api.messageRequests("cwd")).as("--max-turns 1 reached Claude").hasSize(1)
                .allSatisfy(request -> assertThat(request.model()).contains("sonnet"));
        // Claude's max-turns result is an error result, which makes the session failed (as in hld)
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("failed");
        assertThat(session.path("error_message").asString()).contains("maximum number of turns (1)");
    }

    @Test
    void anApprovalCreatedByHlyrsServerAndApprovedWithAgentctlLetsClaudeWrite() throws Exception {
        Path target = work.resolve("approved.txt");
        api.script("approve", Script.of(
                Reply.toolUse("Write", Map.of("file_path", target.toString(), "content", "hello from claude")),
                Reply.text("Wrote it.")));
        String id = launch(dir, Map.of(), Script.tag("approve") + " write the file", "--daemon-socket",
                claude.daemon().socket().toString(), "--working-dir", work.toString());

        JsonNode approval = awaitPendingApproval(id);
        assertThat(approval.path("tool_name").asString()).isEqualTo("Write");
        assertThat(approval.path("tool_input").path("file_path").asString()).isEqualTo(target.toString());
        assertThat(approval.path("tool_use_id").asString()).startsWith("toolu_");
        assertThat(state(id).path("status").asString()).isEqualTo("waiting_input");
        String runId = state(id).path("run_id").asString();
        awaitHlyrLog(runId, "Approval still pending, polling again...");
        assertThat(target).doesNotExist();

        Agentctl.Run approve = agentctl.run("approve", approval.path("id").asString());
        assertThat(approve.exitCode()).as(approve.toString()).isZero();
        JsonNode session = claude.awaitStatus(id, TERMINAL, TIMEOUT);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        assertThat(Files.readString(target)).isEqualTo("hello from claude");
        JsonNode resolved = awaitHlyrLog(runId, "Approval resolved");
        assertThat(resolved.path("data").path("approvalId").asString()).isEqualTo(approval.path("id").asString());
        assertThat(resolved.path("data").path("status").asString()).isEqualTo("approved");
        assertThat(hlyrLog(runId)).as("hlyr's server logged no warning or error")
                .noneSatisfy(entry -> assertThat(entry.path("level").asString()).isIn("WARN", "ERROR"));
    }

    @Test
    void anApprovalDeniedWithAgentctlStopsTheWriteAndTheCommentReachesClaude() throws Exception {
        Path target = work.resolve("denied.txt");
        api.script("deny", Script.of(
                Reply.toolUse("Write", Map.of("file_path", target.toString(), "content", "hello from claude")),
                Reply.text("Understood, not writing.")));
        String id = launch(dir, Map.of(), Script.tag("deny") + " write the file", "--daemon-socket",
                claude.daemon().socket().toString(), "--working-dir", work.toString());

        JsonNode approval = awaitPendingApproval(id);
        Agentctl.Run deny = agentctl.run("deny", approval.path("id").asString(), "--comment", "not in this folder, please");
        assertThat(deny.exitCode()).as(deny.toString()).isZero();
        JsonNode session = claude.awaitStatus(id, TERMINAL, TIMEOUT);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        assertThat(target).doesNotExist();
        assertThat(api.messageRequests("deny").getLast().toolResults().toString())
                .contains("not in this folder, please");
    }

    @Test
    void hlyrsDaemonClientSubscribesAndReceivesTheSessionsEvents() throws Exception {
        Path notes = Files.writeString(work.resolve("events.txt"), "alpha\n");
        api.script("events", Script.of(
                Reply.toolUse("Read", Map.of("file_path", notes.toString())),
                Reply.text("It says alpha.")));
        Path script = Path.of(System.getProperty("agentd.root", "..")).toAbsolutePath().normalize()
                .resolve("e2e/src/test/resources/hlyr-subscribe.mjs");
        Process node = new ProcessBuilder("node", script.toString(), HumanlayerCli.bundle().toString(),
                claude.daemon().socket().toString(),
                "{\"event_types\":[\"session_status_changed\",\"conversation_updated\"]}")
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("subscriber.stderr").toFile()))
                .start();
        List<JsonNode> lines = Collections.synchronizedList(new ArrayList<>());
        Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(node.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(JSON.readTree(line));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            await(lines, l -> l.has("subscribed") || l.has("error"));
            assertThat(lines.getFirst().has("subscribed")).as(lines.toString()).isTrue();

            String id = launch(dir, Map.of(), Script.tag("events") + " what does the file say", "--daemon-socket",
                    claude.daemon().socket().toString(), "--working-dir", work.toString());
            assertThat(claude.awaitStatus(id, TERMINAL, TIMEOUT).path("status").asString()).isEqualTo("completed");
            JsonNode completed = await(lines, l -> isEvent(l, id, "session_status_changed")
                    && "completed".equals(l.path("event").path("data").path("new_status").asString()));

            List<JsonNode> events;
            synchronized (lines) {
                events = lines.stream().filter(l -> l.has("event")).map(l -> l.get("event"))
                        .filter(e -> id.equals(e.path("data").path("session_id").asString())).toList();
            }
            assertThat(events).as("only the subscribed types")
                    .allSatisfy(e -> assertThat(e.path("type").asString())
                            .isIn("session_status_changed", "conversation_updated"));
            assertThat(events).allSatisfy(e -> assertThat(e.path("timestamp").asString()).isNotBlank());
            assertThat(events).anySatisfy(e -> {
                assertThat(e.path("type").asString()).isEqualTo("session_status_changed");
                assertThat(e.path("data").path("old_status").asString()).isEqualTo("starting");
                assertThat(e.path("data").path("new_status").asString()).isEqualTo("running");
                assertThat(e.path("data").path("run_id").asString()).isNotBlank();
            });
            assertThat(events).anySatisfy(e -> {
                JsonNode data = e.path("data");
                assertThat(e.path("type").asString()).isEqualTo("conversation_updated");
                assertThat(data.path("event_type").asString()).isEqualTo("tool_call");
                assertThat(data.path("tool_name").asString()).isEqualTo("Read");
                assertThat(data.path("tool_input").path("file_path").asString()).isEqualTo(notes.toString());
            });
            assertThat(events).anySatisfy(e -> {
                JsonNode data = e.path("data");
                assertThat(data.path("event_type").asString()).isEqualTo("tool_result");
                assertThat(data.path("tool_result_content").asString()).contains("alpha");
            });
            assertThat(events).anySatisfy(e -> {
                JsonNode data = e.path("data");
                assertThat(data.path("event_type").asString()).isEqualTo("message");
                assertThat(data.path("role").asString()).isEqualTo("assistant");
                assertThat(data.path("content").asString()).isEqualTo("It says alpha.");
                assertThat(data.path("claude_session_id").asString()).isNotBlank();
            });
            assertThat(completed.path("event").path("data").path("old_status").asString()).isEqualTo("running");
            assertThat(events.getLast()).as("completion comes last").isEqualTo(completed.path("event"));
        } finally {
            node.destroy();
            node.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static boolean isEvent(JsonNode line, String sessionId, String type) {
        JsonNode event = line.path("event");
        return type.equals(event.path("type").asString()) && sessionId.equals(event.path("data").path("session_id").asString());
    }

    private static JsonNode await(List<JsonNode> lines, Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (lines) {
                for (JsonNode line : lines) {
                    if (wanted.test(line)) {
                        return line;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not received within " + TIMEOUT + "; got " + lines);
    }

    /** Runs {@code humanlayer launch <args>} in {@code cwd}; returns the session id it printed. */
    private String launch(Path cwd, Map<String, String> env, String query, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(humanlayer.toString(), "launch", query));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("HUMANLAYER_") || k.startsWith("AGENTD_"));
        builder.environment().put("HOME", dir.resolve("home").toString());
        builder.environment().putAll(env);
        Path out = Files.createTempFile(dir, "hlyr-launch", ".out");
        Process process = builder.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("humanlayer launch finished").isTrue();
        String output = Files.readString(out);
        assertThat(process.exitValue()).as(output).isZero();
        Matcher m = SESSION_ID.matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }

    private List<JsonNode> conversation(String id) throws Exception {
        try (LineClient client = claude.daemon().client()) {
            List<JsonNode> events = new ArrayList<>();
            client.result("getConversation", Map.of("session_id", id)).path("events").forEach(events::add);
            return events;
        }
    }

    private JsonNode state(String id) throws Exception {
        try (LineClient client = claude.daemon().client()) {
            return client.result("getSessionState", Map.of("session_id", id)).get("session");
        }
    }

    private JsonNode awaitPendingApproval(String id) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (LineClient client = claude.daemon().client()) {
            while (System.nanoTime() < deadline) {
                JsonNode approvals = client.result("fetchApprovals", Map.of("session_id", id)).get("approvals");
                if (approvals != null && !approvals.isEmpty()) {
                    return approvals.get(0);
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("no pending approval for " + id + "; session " + state(id) + "\ndaemon stderr:\n"
                + claude.daemon().stderr() + "\nhlyr logs:\n" + hlyrLogs());
    }

    /** The entries of hlyr's approvals server log for one run. */
    private List<JsonNode> hlyrLog(String runId) throws IOException {
        Path log = dir.resolve("home/.humanlayer/logs/mcp-claude-approvals-" + runId + ".log");
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log).stream().filter(line -> !line.isBlank()).map(JSON::readTree).toList();
    }

    /** Waits for the first entry of hlyr's approvals server log with the given message. */
    private JsonNode awaitHlyrLog(String runId, String message) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode entry : hlyrLog(runId)) {
                if (message.equals(entry.path("message").asString())) {
                    return entry;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("hlyr never logged '" + message + "':\n" + hlyrLogs());
    }

    /** What hlyr's approvals server logged (warnings and errors) under the daemon's HOME. */
    private String hlyrLogs() throws IOException {
        Path logs = dir.resolve("home/.humanlayer/logs");
        if (!Files.isDirectory(logs)) {
            return "(none)";
        }
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(logs)) {
            for (Path file : files.toList()) {
                text.append(file.getFileName()).append(":\n").append(Files.readString(file));
            }
        }
        return text.toString();
    }
}
