package io.agentd.e2e;

import io.agentd.testkit.daemon.ClaudeDaemon;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeapi.FakeAnthropicApi;
import io.agentd.testkit.fakeapi.Reply;
import io.agentd.testkit.fakeapi.Script;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a person sees of approvals in {@code agentctl}, with the real Claude CLI on the fake API: {@code launch
 * --wait} shows the approval Claude waits for and finishes once {@code agentctl approve} answers it; a session
 * whose Claude refused a tool on its own lists the refusal in {@code show} and {@code --wait}; and one whose
 * approvals server dies fails, rather than running without approvals.
 */
@Timeout(180)
class ApprovalsInAgentctlIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "interrupted");
    private static final Pattern APPROVE = Pattern.compile("  approve  agentctl approve (\\S+)\n");

    private FakeAnthropicApi api;
    private ClaudeDaemon claude;
    private Path work;
    private Agentctl agentctl;

    private void start(String approvalsCommand) throws Exception {
        Path dir = DaemonProcess.tempDir();
        api = FakeAnthropicApi.start();
        claude = new ClaudeDaemon(dir, api, Map.of("AGENTD_APPROVALS_COMMAND", approvalsCommand));
        work = Files.createDirectories(dir.resolve("work"));
        claude.start(List.of());
        agentctl = new Agentctl(claude.daemon().socket(), work);
    }

    @AfterEach
    void tearDown() {
        if (claude != null) {
            claude.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void launchWaitPrintsThePendingApprovalAndFinishesAfterAgentctlApprove() throws Exception {
        start(agentdApprovalsServer());
        Path target = work.resolve("approved.txt");
        api.script("wait", writeThenSay(target, "Wrote it."));
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(
                () -> agentctl.runInto(out, "launch", Script.tag("wait") + " write the file", "--wait"));

        await().atMost(TIMEOUT).until(() -> APPROVE.matcher(out.toString()).find() || waiting.isDone());
        String shown = out.toString();
        assertThat(shown).contains("approval needed: Write " + target + "\n")
                .contains("  deny     agentctl deny ")
                .contains("(Claude waits until one of them is run)");
        Matcher approve = APPROVE.matcher(shown);
        assertThat(approve.find()).as(shown).isTrue();
        String approvalId = approve.group(1);
        assertThat(shown).contains("  id       " + approvalId + "\n");
        assertThat(waiting).as("still waiting for the person").isNotDone();

        Agentctl.Run approved = agentctl.run("approve", approvalId, "--comment", "go ahead");
        assertThat(approved.exitCode()).as(approved.toString()).isZero();

        assertThat(waiting.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("approval " + approvalId.substring("local-".length(), "local-".length() + 8)
                        + " (Write) approved by a person: go ahead\n")
                .contains("status  completed\n")
                .doesNotContain("denied  ")
                .endsWith("Wrote it.\n");
        assertThat(Files.readString(target)).isEqualTo("hello from claude");
    }

    @Test
    void tailShowsTheApprovalAndWhoDeniedIt() throws Exception {
        start(agentdApprovalsServer());
        Path target = work.resolve("tailed.txt");
        api.script("tail", writeThenSay(target, "Fine, not written."));
        Agentctl.Run launched = agentctl.run("launch", Script.tag("tail") + " write the file");
        String id = sessionId(launched.out());
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> tailing = CompletableFuture.supplyAsync(() -> agentctl.runInto(out, "tail", id));

        await().atMost(TIMEOUT).until(() -> APPROVE.matcher(out.toString()).find() || tailing.isDone());
        Matcher approve = APPROVE.matcher(out.toString());
        assertThat(approve.find()).as(out.toString()).isTrue();
        Agentctl.Run denied = agentctl.run("deny", approve.group(1), "--comment", "not this file");
        assertThat(denied.exitCode()).as(denied.toString()).isZero();

        assertThat(tailing.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(out.toString()).isZero();
        assertThat(out.toString()).contains("approval needed: Write " + target + "\n")
                .contains("(Write) denied by a person: not this file\n")
                .contains("Fine, not written.");
        assertThat(target).doesNotExist();
    }

    @Test
    void approveInteractivelyAsksInlineAndTheAnswerReachesClaude() throws Exception {
        start(agentdApprovalsServer());
        Path target = work.resolve("asked.txt");
        api.script("ask", writeThenSay(target, "Wrote it after asking."));
        Pipe stdin = Pipe.open();
        OutputStream typing = Channels.newOutputStream(stdin.sink());
        InputStream previousIn = System.in;
        System.setIn(Channels.newInputStream(stdin.source()));
        try {
            StringWriter out = new StringWriter();
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> agentctl.runInto(out, "launch",
                    Script.tag("ask") + " write the file", "--approve-interactively"));
            await().atMost(TIMEOUT).until(() -> out.toString().endsWith("approve? [y/n] ") || waiting.isDone());
            assertThat(out.toString()).contains("wants Write\n").contains("  file_path: " + target + "\n");
            typing.write("y\n".getBytes(StandardCharsets.UTF_8));
            typing.flush();

            assertThat(waiting.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(out.toString()).isZero();
            assertThat(out.toString()).contains("status  completed\n").endsWith("Wrote it after asking.\n");
            assertThat(Files.readString(target)).isEqualTo("hello from claude");
        } finally {
            typing.close();
            System.setIn(previousIn);
        }
    }

    @Test
    void aWriteClaudeRefusesByItselfIsStoredAndShown() throws Exception {
        start("");
        Path target = work.resolve("refused.txt");
        api.script("refuse", writeThenSay(target, "I could not write it."));

        Agentctl.Run run = agentctl.run("launch", Script.tag("refuse") + " write the file", "--wait");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(target).doesNotExist();
        assertThat(run.out()).contains("status  completed\n")
                .contains("denied  Claude refused 1 tool call(s); the task may be incomplete:\n")
                .contains("        Write " + target + " (toolu_");
        String id = sessionId(run.out());
        JsonNode denials = state(id).get("permission_denials");
        assertThat(denials).as(denials.toString()).hasSize(1);
        assertThat(denials.get(0).path("tool_name").asString()).isEqualTo("Write");
        assertThat(denials.get(0).path("tool_use_id").asString()).startsWith("toolu_");
        assertThat(denials.get(0).path("tool_input").path("file_path").asString()).isEqualTo(target.toString());

        Agentctl.Run show = agentctl.run("show", id);
        assertThat(show.out()).containsPattern("denied +Write " + Pattern.quote(target.toString()) + " \\(toolu_");
        assertThat(claude.daemon().stderr()).as("no approvals server was injected: nothing to warn about")
                .doesNotContain("without asking the approvals server");
    }

    @Test
    void anInjectedApprovalsServerThatDiesFailsTheSessionInsteadOfRunningItUngated() throws Exception {
        // It passes the start-up check (it exists and may be run) but exits at once, so Claude never reaches it.
        Path dead = Files.writeString(DaemonProcess.tempDir().resolve("dead-approvals-server"), "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(dead, PosixFilePermissions.fromString("rwxr-xr-x"));
        start(dead.toString());
        Path target = work.resolve("ungated.txt");
        api.script("dead", writeThenSay(target, "Not written."));

        Agentctl.Run run = agentctl.run("launch", Script.tag("dead") + " write the file", "--wait");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).contains("status  failed\n").contains("mcp__codelayer__request_permission");
        assertThat(target).doesNotExist();
    }

    private static String agentdApprovalsServer() {
        Path cliJar = Path.of(System.getProperty("agentd.root", "..")).toAbsolutePath().normalize()
                .resolve("client-cli/target/agentd-cli.jar");
        assertThat(cliJar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return java + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar " + cliJar + " mcp claude_approvals";
    }

    private static Script writeThenSay(Path target, String text) {
        return Script.of(Reply.toolUse("Write", Map.of("file_path", target.toString(), "content", "hello from claude")),
                Reply.text(text));
    }

    private static String sessionId(String out) {
        Matcher m = Pattern.compile("^session (\\S+)$", Pattern.MULTILINE).matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    private JsonNode state(String id) throws Exception {
        try (LineClient client = claude.daemon().client()) {
            return client.result("getSessionState", Map.of("session_id", id)).get("session");
        }
    }
}
