package io.agentd.cli.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentd.cli.client.SocketPathResolver;
import io.agentd.cli.command.CliContext;
import io.agentd.cli.testing.FakeDaemon;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs agentctl's approval commands in-process against a fake daemon on a real Unix socket. */
class ApprovalCommandsIT {
    private static final String LIVE = "77aa0b2c-bbbb-4000-8000-000000000002";
    private static final String DONE = "3f2a9c1e-aaaa-4000-8000-000000000001";
    private static final String WRITE = "local-11111111-1111-4000-8000-000000000001";
    private static final String BASH = "local-22222222-2222-4000-8000-000000000002";
    private static final String SESSIONS = """
            {"sessions":[
              {"id":"%s","run_id":"run-b","status":"waiting_input","last_activity_at":"2026-06-18T11:59:00Z"},
              {"id":"%s","run_id":"run-a","status":"completed","last_activity_at":"2026-06-18T11:00:00Z"}
            ]}""".formatted(LIVE, DONE);

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

    private static String approval(String id, String tool, String input, String createdAt) {
        return """
                {"id":"%s","run_id":"run-b","session_id":"%s","tool_use_id":"toolu_x","status":"pending",
                 "created_at":"%s","tool_name":"%s","tool_input":%s}""".formatted(id, LIVE, createdAt, tool, input);
    }

    private static final String WRITE_APPROVAL = approval(WRITE, "Write",
            "{\"file_path\":\"/home/ada/project/notes.txt\",\"content\":\"hello\"}", "2026-06-18T11:57:00Z");
    private static final String BASH_APPROVAL = approval(BASH, "Bash",
            "{\"command\":\"rm -rf build && ./mvnw -q verify\",\"description\":\"rebuild\"}", "2026-06-18T11:59:30Z");

    /** hld's behaviour: nothing without a session, the session's pending approvals with one. */
    private void pendingLikeHld() {
        daemon.result("listSessions", SESSIONS);
        daemon.on("fetchApprovals", params -> new FakeDaemon.Reply.Result(
                LIVE.equals(params.path("session_id").asString())
                        ? "{\"approvals\":[" + WRITE_APPROVAL + "," + BASH_APPROVAL + "]}"
                        : params.has("session_id") ? "{\"approvals\":null}" : "{\"approvals\":[]}"));
    }

    private CliContext context() {
        return new CliContext(
                new SocketPathResolver(Map.of("HUMANLAYER_DAEMON_SOCKET", daemon.socket().toString()),
                        Path.of("/home/ada")),
                Path.of("/home/ada/project"),
                Clock.fixed(Instant.parse("2026-06-18T12:00:00Z"), ZoneOffset.UTC),
                ZoneOffset.UTC,
                false,
                100,
                Duration.ofMillis(10),
                Duration.ofSeconds(5));
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Agentctl.commandLine(context(), new PrintWriter(out), new PrintWriter(err), args).execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void approvalsListsThePendingOnesOfLiveSessionsAsATable() {
        pendingLikeHld();
        Run run = run("approvals");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                ID        SESSION   TOOL   AGE  INPUT
                11111111  77aa0b2c  Write  3m   /home/ada/project/notes.txt
                22222222  77aa0b2c  Bash   30s  rm -rf build && ./mvnw -q verify
                """);
        assertThat(daemon.params("fetchApprovals")).extracting(Object::toString)
                .containsExactly("{}", "{\"session_id\":\"" + LIVE + "\"}");
    }

    @Test
    void approvalsForOneSessionTakesAPrefixAndSaysWhenThereAreNone() {
        pendingLikeHld();
        Run run = run("approvals", "--session", "3f2a");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("no pending approvals\n");
        assertThat(daemon.params("fetchApprovals")).extracting(Object::toString)
                .containsExactly("{\"session_id\":\"" + DONE + "\"}");
    }

    @Test
    void approveTakesAUniquePrefixOfTheShortId() {
        pendingLikeHld();
        daemon.result("sendDecision", "{\"success\":true}");
        Run run = run("approve", "1111", "--comment", "fine");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("approved 11111111\n");
        assertThat(daemon.params("sendDecision").getFirst().toString())
                .isEqualTo("{\"approval_id\":\"" + WRITE + "\",\"decision\":\"approve\",\"comment\":\"fine\"}");
    }

    @Test
    void denyNeedsAComment() {
        Run run = run("deny", "2222");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--comment");
        assertThat(daemon.requests()).isEmpty();
    }

    @Test
    void aRefusedDecisionIsOneErrorLineAndExitOne() {
        pendingLikeHld();
        daemon.result("sendDecision", "{\"success\":false,\"error\":\"failed to update approval: approval "
                + BASH + " already decided with status: approved\"}");
        Run run = run("deny", "22222222", "--comment", "too risky");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: failed to update approval: approval " + BASH
                + " already decided with status: approved\n");
        assertThat(daemon.params("sendDecision").getFirst().toString())
                .isEqualTo("{\"approval_id\":\"" + BASH + "\",\"decision\":\"deny\",\"comment\":\"too risky\"}");
    }

    @Test
    void anUnknownShortIdIsAnErrorButAFullIdIsSentAsTyped() {
        pendingLikeHld();
        daemon.result("sendDecision", "{\"success\":true}");
        Run unknown = run("approve", "9999");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("error: no pending approval matches '9999'\n");

        String full = "local-99999999-9999-4000-8000-000000000009";
        Run typed = run("approve", full);
        assertThat(typed.exitCode()).isZero();
        assertThat(daemon.params("sendDecision").getFirst().path("approval_id").asString()).isEqualTo(full);
    }

    @Test
    void watchPromptsForEachNewApprovalAndSkipsOnesDecidedElsewhere() throws Exception {
        daemon.result("listSessions", "{\"sessions\":[]}")
                .result("fetchApprovals", "{\"approvals\":[]}")
                .result("sendDecision", "{\"success\":true}")
                .on("Subscribe", params -> new FakeDaemon.Reply.Subscription(
                        "{\"subscription_id\":\"s\",\"message\":\"ok\",\"last_seq\":10}"))
                .on("getApproval", params -> new FakeDaemon.Reply.Result("{\"approval\":"
                        + (BASH.equals(params.path("approval_id").asString()) ? BASH_APPROVAL : WRITE_APPROVAL) + "}"));
        Pipe stdin = Pipe.open();
        OutputStream typing = Channels.newOutputStream(stdin.sink());
        InputStream previousIn = System.in;
        System.setIn(Channels.newInputStream(stdin.source()));
        StringWriter out = new StringWriter();
        try {
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Agentctl.commandLine(context(),
                    new PrintWriter(out), new PrintWriter(new StringWriter())).execute("approvals", "--watch"));
            await().atMost(Duration.ofSeconds(10)).until(() -> daemon.subscriberCount() == 1
                    && out.toString().contains("waiting for approvals"));
            assertThat(daemon.subscriptions().getFirst().toString())
                    .isEqualTo("{\"event_types\":[\"new_approval\",\"approval_resolved\"]}");

            daemon.emit(event(11, "new_approval", BASH));
            await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("approve? [y/n] "));
            assertThat(out.toString()).contains("""
                    22222222  session 77aa0b2c wants Bash
                      command: rm -rf build && ./mvnw -q verify
                      description: rebuild
                    approve? [y/n]\s""");
            type(typing, "n");
            await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().endsWith("reason: "));
            type(typing, "not the whole build dir");
            await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("denied 22222222\n"));
            assertThat(daemon.params("sendDecision").getFirst().toString()).isEqualTo("{\"approval_id\":\"" + BASH
                    + "\",\"decision\":\"deny\",\"comment\":\"not the whole build dir\"}");
            daemon.emit(event(12, "approval_resolved", BASH));

            daemon.emit(event(13, "new_approval", WRITE));
            await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("wants Write"));
            daemon.emit(event(14, "approval_resolved", WRITE));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> out.toString().contains("11111111 was approved elsewhere; skipped\n"));

            typing.close();
            assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
            assertThat(daemon.params("sendDecision")).hasSize(1);
        } finally {
            System.setIn(previousIn);
        }
    }

    private static String event(int seq, String type, String approvalId) {
        return "{\"type\":\"" + type + "\",\"timestamp\":\"2026-06-18T12:00:00Z\",\"seq\":" + seq
                + ",\"data\":{\"approval_id\":\"" + approvalId + "\",\"session_id\":\"" + LIVE
                + "\",\"run_id\":\"run-b\",\"tool_name\":\"Bash\",\"approved\":true,\"response_text\":\"\"}}";
    }

    private static void type(OutputStream typing, String line) throws Exception {
        typing.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        typing.flush();
    }
}
