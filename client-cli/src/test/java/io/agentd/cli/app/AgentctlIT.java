package io.agentd.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.cli.client.SocketPathResolver;
import io.agentd.cli.command.CliContext;
import io.agentd.cli.protocol.ProtocolJson;
import io.agentd.cli.testing.FakeDaemon;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Runs agentctl commands in-process against a fake daemon on a real Unix socket. */
class AgentctlIT {
    private static final Path CWD = Path.of("/home/ada/project");
    private static final String ID_A = "3f2a9c1e-aaaa-4000-8000-000000000001";
    private static final String ID_B = "77aa0b2c-bbbb-4000-8000-000000000002";
    private static final String SESSIONS = """
            {"sessions":[
              {"id":"%s","run_id":"run-a","status":"completed","model":"sonnet","title":"Fix the parser",
               "summary":"fix","query":"fix","last_activity_at":"2026-06-18T11:58:00Z","archived":false,
               "input_tokens":1500,"output_tokens":500,
               "result":{"type":"result","subtype":"session_completed","total_cost_usd":0.25,"is_error":false,
                         "result":"All tests pass now."}},
              {"id":"%s","run_id":"run-b","status":"running","title":"","summary":"Write release notes",
               "query":"Write release notes","last_activity_at":"2026-06-16T12:00:00+00:00","archived":false}
            ]}""".formatted(ID_A, ID_B);

    private FakeDaemon daemon;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void start() throws Exception {
        daemon = FakeDaemon.start();
    }

    @AfterEach
    void stop() throws Exception {
        daemon.close();
    }

    private Run run(Map<String, String> env, String... args) {
        CliContext context = new CliContext(
                new SocketPathResolver(env, Path.of("/home/ada")),
                CWD,
                Clock.fixed(Instant.parse("2026-06-18T12:00:00Z"), ZoneOffset.UTC),
                ZoneOffset.UTC,
                false,
                100,
                Duration.ofMillis(10),
                Duration.ofSeconds(5));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Agentctl.commandLine(context, new PrintWriter(out), new PrintWriter(err), args).execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private Run run(String... args) {
        return run(Map.of("HUMANLAYER_DAEMON_SOCKET", daemon.socket().toString()), args);
    }

    @Test
    void healthPrintsTheDaemonAndClaudeAndExitsZero() {
        daemon.result("health", """
                {"status":"ok","version":"0.3.1","uptime_ms":7500000,"active_sessions":2,
                 "claude":{"available":true,"path":"/usr/local/bin/claude","version":"2.1.0"},"store":{"ok":true}}""");
        Run run = run("health");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                status    ok
                version   0.3.1
                socket    %s
                uptime    2h 5m
                sessions  2 active
                claude    /usr/local/bin/claude (2.1.0)
                database  ok
                """.formatted(daemon.socket()));
        assertThat(daemon.methods()).containsExactly("health");
    }

    @Test
    void healthSaysWhyClaudeIsUnavailableAndFailsWhenNotOk() {
        daemon.result("health", """
                {"status":"degraded","version":"0.3.1","claude":{"available":false,"error":"claude not found in PATH"}}""");
        Run run = run("health");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("status   degraded").contains("claude   unavailable: claude not found in PATH");
    }

    @Test
    void healthFailsWhenTheDatabaseRefusesWrites() {
        daemon.result("health", """
                {"status":"ok","version":"0.3.1","store":{"ok":false,"error":"database is full: write: the disk holding \
                the database is full","since":"2026-11-22T04:30:22Z"}}""");
        Run run = run("health");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("database  NOT OK since 2026-11-22T04:30:22Z: database is full: write: the disk"
                + " holding the database is full");
    }

    @Test
    void healthFailsWhileABackgroundJobFails() {
        daemon.result("health", """
                {"status":"ok","version":"0.3.1","store":{"ok":true},"jobs":{"ok":false,"error":"agentd-db-checkpoint: \
                java.lang.OutOfMemoryError: Java heap space","since":"2026-12-01T22:00:00Z"}}""");
        Run run = run("health");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("background").contains("NOT OK since 2026-12-01T22:00:00Z: agentd-db-checkpoint:"
                + " java.lang.OutOfMemoryError: Java heap space");
    }

    @Test
    void withoutADaemonPrintsOneLineAndExitsOne() {
        Path nowhere = FakeDaemon.unusedSocket();
        Run run = run(Map.of(), "--socket", nowhere.toString(), "health");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("no agentd at " + nowhere + " — start it with bin/agentd\n");
    }

    @Test
    void socketFlagWorksAfterTheSubcommandAndBeatsTheEnvironment() {
        daemon.result("health", "{\"status\":\"ok\",\"version\":\"1\"}");
        Run run = run(Map.of("HUMANLAYER_DAEMON_SOCKET", "/tmp/agentctl-wrong.sock"),
                "health", "--socket", daemon.socket().toString());
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void jsonPrintsTheRawResult() {
        daemon.result("health", "{\"status\":\"ok\",\"version\":\"0.3.1\",\"extra\":[1,2]}");
        Run run = run("--json", "health");
        assertThat(run.exitCode()).isZero();
        JsonNode printed = ProtocolJson.MAPPER.readTree(run.out());
        assertThat(printed.toString()).isEqualTo("{\"status\":\"ok\",\"version\":\"0.3.1\",\"extra\":[1,2]}");
    }

    @Test
    void launchSendsTheParamsWithAnAbsoluteWorkingDirectory() {
        daemon.result("launchSession", "{\"session_id\":\"sess-1\",\"run_id\":\"run-1\"}");
        Run run = run("launch", "Fix the bug", "--model", "opus", "--max-turns", "7", "--title", "Bug",
                "--system-prompt", "Be brief", "--append-system-prompt", "Use tests",
                "--allowed-tools", "Read,Grep", "--disallowed-tools", "Bash",
                "--add-dir", "../shared", "--add-dir", "/opt/data");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("session sess-1\nrun     run-1\n");
        JsonNode params = daemon.params("launchSession").getFirst();
        assertThat(params.toString()).isEqualTo("{\"query\":\"Fix the bug\",\"title\":\"Bug\",\"model\":\"opus\","
                + "\"working_dir\":\"/home/ada/project\",\"max_turns\":7,\"system_prompt\":\"Be brief\","
                + "\"append_system_prompt\":\"Use tests\",\"allowed_tools\":[\"Read\",\"Grep\"],"
                + "\"disallowed_tools\":[\"Bash\"],\"additional_directories\":[\"/home/ada/shared\",\"/opt/data\"]}");
    }

    @Test
    void launchResolvesARelativeDirAndLeavesOutWhatWasNotGiven() {
        daemon.result("launchSession", "{\"session_id\":\"sess-1\",\"run_id\":\"run-1\"}");
        Run run = run("launch", "hello", "--dir", "sub/dir");
        assertThat(run.exitCode()).isZero();
        assertThat(daemon.params("launchSession").getFirst().toString())
                .isEqualTo("{\"query\":\"hello\",\"working_dir\":\"/home/ada/project/sub/dir\"}");
    }

    @Test
    void launchWaitPollsUntilCompletedAndPrintsTheOutcome() {
        daemon.result("launchSession", "{\"session_id\":\"" + ID_A + "\",\"run_id\":\"run-a\"}")
                .results("getSessionState",
                        state("starting", ""),
                        state("running", ""),
                        state("running", ""),
                        state("completed", ",\"cost_usd\":0.25"))
                .result("fetchApprovals", "{\"approvals\":[]}")
                .result("listSessions", SESSIONS);
        Run run = run("launch", "fix", "--wait");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                session %s
                run     run-a
                status  completed
                cost    $0.2500

                All tests pass now.
                """.formatted(ID_A));
        assertThat(daemon.params("getSessionState")).hasSize(4)
                .allSatisfy(p -> assertThat(p.path("session_id").asString()).isEqualTo(ID_A));
    }

    @Test
    void launchWaitShowsAPendingApprovalWithItsCommandsThenItsDecisionAndTheDenials() {
        String approvalId = "local-11111111-1111-4000-8000-000000000001";
        String pending = "{\"id\":\"" + approvalId + "\",\"run_id\":\"run-a\",\"session_id\":\"" + ID_A
                + "\",\"tool_use_id\":\"toolu_1\",\"status\":\"pending\",\"created_at\":\"2026-06-18T11:59:40Z\","
                + "\"tool_name\":\"Write\",\"tool_input\":{\"file_path\":\"/home/ada/project/notes.txt\",\"content\":\"hi\"}}";
        daemon.result("launchSession", "{\"session_id\":\"" + ID_A + "\",\"run_id\":\"run-a\"}")
                .results("getSessionState",
                        state("running", ""),
                        state("waiting_input", ""),
                        state("waiting_input", ""),
                        state("running", ""),
                        state("completed", ",\"result\":\"Partly done.\",\"permission_denials\":[{\"tool_name\":"
                                + "\"Bash\",\"tool_use_id\":\"toolu_2\",\"tool_input\":{\"command\":\"rm -rf build\"}}]"))
                .results("fetchApprovals",
                        "{\"approvals\":[]}",
                        "{\"approvals\":[" + pending + "]}",
                        "{\"approvals\":[" + pending + "]}",
                        "{\"approvals\":[]}")
                .result("getApproval", "{\"approval\":" + pending.replace("\"pending\"", "\"approved\"")
                        .replace("}}", "},\"comment\":\"looks fine\",\"decided_by\":\"human\"}") + "}");
        Run run = run("launch", "fix", "--wait");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                session %1$s
                run     run-a

                approval needed: Write /home/ada/project/notes.txt
                  id       %2$s
                  approve  agentctl approve %2$s
                  deny     agentctl deny %2$s --comment "why"
                  (Claude waits until one of them is run)
                approval 11111111 (Write) approved by a person: looks fine
                status  completed
                denied  Claude refused 1 tool call(s); the task may be incomplete:
                        Bash rm -rf build (toolu_2)

                Partly done.
                """.formatted(ID_A, approvalId));
        assertThat(daemon.params("fetchApprovals")).allSatisfy(p -> assertThat(p.path("session_id").asString()).isEqualTo(ID_A));
    }

    @Test
    void launchWaitExitsNonZeroWhenTheSessionFails() {
        daemon.result("launchSession", "{\"session_id\":\"" + ID_A + "\",\"run_id\":\"run-a\"}")
                .results("getSessionState", state("running", ""),
                        state("failed", ",\"error_message\":\"claude process failed: exit status 1\""))
                .result("fetchApprovals", "{\"approvals\":[]}")
                .result("listSessions", "{\"sessions\":[]}");
        Run run = run("launch", "fix", "--wait");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("status  failed\n").contains("error   claude process failed: exit status 1\n");
    }

    @Test
    void launchWaitTakesTheResultFromTheStateWhenTheDaemonSendsItAndPrintsAnErrorOnce() {
        daemon.result("launchSession", "{\"session_id\":\"" + ID_A + "\",\"run_id\":\"run-a\"}")
                .results("getSessionState", state("failed", ",\"error_message\":\"API Error: overloaded\","
                        + "\"result\":\"API Error: overloaded\""));
        Run run = run("launch", "fix", "--wait");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEqualTo("""
                session %s
                run     run-a
                status  failed
                error   API Error: overloaded
                """.formatted(ID_A));
        assertThat(daemon.methods()).doesNotContain("listSessions");
    }

    private static String state(String status, String extra) {
        return "{\"session\":{\"id\":\"" + ID_A + "\",\"run_id\":\"run-a\",\"status\":\"" + status
                + "\",\"query\":\"fix\",\"created_at\":\"2026-06-18T11:59:00Z\",\"last_activity_at\":"
                + "\"2026-06-18T11:59:30Z\",\"context_limit\":168000,\"auto_accept_edits\":false,"
                + "\"dangerously_skip_permissions\":false,\"archived\":false" + extra + "}}";
    }

    @Test
    void lsPrintsATableOfNormalLeaves() {
        daemon.result("getSessionLeaves", SESSIONS);
        Run run = run("ls");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                ID        STATUS     MODEL   COST     TOKENS  AGE  TITLE
                3f2a9c1e  completed  sonnet  $0.2500  2k      2m   Fix the parser
                77aa0b2c  running    -       -        -       2d   Write release notes
                """);
        assertThat(daemon.params("getSessionLeaves").getFirst().toString()).isEqualTo("{\"filter\":\"normal\"}");
    }

    @Test
    void lsFiltersArchivedOrAll() {
        daemon.result("getSessionLeaves", "{\"sessions\":[]}");
        assertThat(run("ls", "--archived").out()).isEqualTo("no sessions\n");
        assertThat(run("ls", "--all").exitCode()).isZero();
        assertThat(daemon.params("getSessionLeaves")).extracting(JsonNode::toString)
                .containsExactly("{\"filter\":\"archived\"}", "{\"filter\":\"\"}");
    }

    @Test
    void showResolvesAPrefixAndPrintsTheState() {
        daemon.result("listSessions", SESSIONS)
                .result("getSessionState", state("completed", ",\"cost_usd\":0.25,\"input_tokens\":1500,"
                        + "\"output_tokens\":500,\"effective_context_tokens\":42000,\"model\":\"sonnet\","
                        + "\"working_dir\":\"/home/ada/project\",\"num_turns\":3,\"result\":\"All tests pass now.\""));
        Run run = run("show", "3f2a");
        assertThat(run.exitCode()).isZero();
        assertThat(daemon.params("getSessionState").getFirst().path("session_id").asString()).isEqualTo(ID_A);
        assertThat(run.out()).contains("id             " + ID_A + "\n")
                .contains("status         completed\n")
                .contains("model          sonnet\n")
                .contains("created        2026-06-18 11:59:00 (1m ago)\n")
                .contains("cost           $0.2500\n")
                .contains("tokens         1.5k in, 500 out\n")
                .contains("context        42k of 168k (25%)\n")
                .contains("turns          3\n")
                .contains("result         All tests pass now.\n");
    }

    @Test
    void anEmptyIdIsRejected() {
        daemon.result("listSessions", SESSIONS);
        Run run = run("show", "");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: empty session id\n");
        assertThat(daemon.methods()).doesNotContain("getSessionState");
    }

    @Test
    void ambiguousAndUnknownPrefixesFail() throws Exception {
        try (FakeDaemon twins = FakeDaemon.start()) {
            twins.result("listSessions", """
                    {"sessions":[{"id":"abcd-1","title":"one"},{"id":"abce-2","title":"two"}]}""");
            Map<String, String> env = Map.of("HUMANLAYER_DAEMON_SOCKET", twins.socket().toString());
            Run ambiguous = run(env, "show", "abc");
            assertThat(ambiguous.exitCode()).isEqualTo(1);
            assertThat(ambiguous.out()).isEmpty();
            assertThat(ambiguous.err())
                    .isEqualTo("error: 'abc' matches 2 sessions: abcd-1 (one), abce-2 (two); type more of the id\n");
            Run unknown = run(env, "conversation", "zz");
            assertThat(unknown.err()).isEqualTo("error: no session matches 'zz'\n");
            assertThat(twins.methods()).containsOnly("listSessions");
        }
    }

    @Test
    void conversationPrintsATranscript() {
        daemon.result("listSessions", SESSIONS).result("getConversation", """
                {"events":[
                  {"id":1,"session_id":"%1$s","sequence":1,"event_type":"message","created_at":"2026-06-18T11:58:00Z",
                   "role":"user","content":"fix","is_completed":false},
                  {"id":2,"session_id":"%1$s","sequence":2,"event_type":"tool_call","created_at":"2026-06-18T11:58:05Z",
                   "role":"assistant","tool_id":"t1","tool_name":"Bash","tool_input_json":"{\\"command\\":\\"mvn test\\"}",
                   "is_completed":true},
                  {"id":3,"session_id":"%1$s","sequence":3,"event_type":"tool_result","created_at":"2026-06-18T11:58:09Z",
                   "role":"user","tool_result_for_id":"t1","tool_result_content":"BUILD SUCCESS","is_completed":false}
                ]}""".formatted(ID_A));
        Run run = run("conversation", "3f2a9c1e");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                USER  11:58:00
                  fix

                ASSISTANT  11:58:05
                  ⏺ Bash(command: mvn test)
                    ⎿ BUILD SUCCESS
                """);
        assertThat(daemon.params("getConversation").getFirst().toString())
                .isEqualTo("{\"session_id\":\"" + ID_A + "\"}");
    }

    @Test
    void continueInterruptAndArchiveSendTheResolvedId() {
        daemon.result("listSessions", SESSIONS)
                .result("continueSession", "{\"session_id\":\"child-1\",\"run_id\":\"run-c\",\"claude_session_id\":\"\","
                        + "\"parent_session_id\":\"" + ID_A + "\"}")
                .result("interruptSession", "{\"success\":true,\"session_id\":\"" + ID_B + "\",\"status\":\"interrupting\"}")
                .result("archiveSession", "{\"success\":true}");

        Run cont = run("continue", "3f2a", "and now the docs", "--max-turns", "3");
        assertThat(cont.exitCode()).isZero();
        assertThat(cont.out()).isEqualTo("session child-1\nrun     run-c\nparent  " + ID_A + "\n");
        assertThat(daemon.params("continueSession").getFirst().toString())
                .isEqualTo("{\"session_id\":\"" + ID_A + "\",\"query\":\"and now the docs\",\"max_turns\":3}");

        assertThat(run("interrupt", "77").out()).isEqualTo("interrupting 77aa0b2c\n");
        assertThat(daemon.params("interruptSession").getFirst().toString()).isEqualTo("{\"session_id\":\"" + ID_B + "\"}");

        assertThat(run("archive", "77").out()).isEqualTo("archived 77aa0b2c\n");
        assertThat(run("archive", "77", "--undo").out()).isEqualTo("unarchived 77aa0b2c\n");
        assertThat(daemon.params("archiveSession")).extracting(JsonNode::toString).containsExactly(
                "{\"session_id\":\"" + ID_B + "\",\"archived\":true}",
                "{\"session_id\":\"" + ID_B + "\",\"archived\":false}");
    }

    @Test
    void aDaemonErrorIsOneClearLineOnStderr() {
        daemon.error("launchSession", -32603, "cannot launch session: claude not available: not found");
        Run run = run("launch", "hello");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: cannot launch session: claude not available: not found (code -32603)\n");
    }

    @Test
    void badUsageExitsTwo() {
        Run run = run("ls", "--archived", "--all");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
        assertThat(daemon.requests()).isEmpty();
        assertThat(List.of(run("launch").exitCode(), run("bogus").exitCode())).containsOnly(2);
    }
}
