package io.agentd.daemon.session;

import io.agentd.daemon.session.stream.Transcripts;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeclaude.FakeClaude;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A daemon whose approvals command cannot run says so at start (log, {@code health}) and refuses to start
 * sessions rather than let Claude run them ungated; an empty command still means "no approvals", on purpose.
 */
@Timeout(120)
class ApprovalsServerCheckIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "interrupted");

    private Path dir;
    private Path work;
    private FakeClaude fake;
    private DaemonProcess daemon;

    @BeforeEach
    void setUp() throws Exception {
        dir = DaemonProcess.tempDir();
        work = Files.createDirectories(dir.resolve("work"));
        List<String> transcript = Files.readAllLines(Transcripts.dir().resolve("text.jsonl")).stream()
                .filter(l -> !l.isBlank()).toList();
        fake = FakeClaude.builder().stdout(transcript).writeTo(dir.resolve("fake"));
    }

    @AfterEach
    void tearDown() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void aMissingCliJarIsReportedInTheLogAndHealthAndLaunchesAreRefused() throws Exception {
        Path jar = dir.resolve("client-cli/target/agentd-cli.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        start(java + " -jar " + jar + " mcp claude_approvals");

        JsonNode approvals = health().get("approvals_server");
        assertThat(approvals.path("injected").asBoolean()).isTrue();
        assertThat(approvals.path("ok").asBoolean()).isFalse();
        assertThat(approvals.path("command").asString()).isEqualTo(java + " -jar " + jar + " mcp claude_approvals");
        assertThat(approvals.path("error").asString()).startsWith("jar " + jar + " does not exist");
        assertThat(health().path("status").asString()).as("hld's clients need ok").isEqualTo("ok");
        assertThat(daemon.stderr()).contains("the approvals server cannot run: jar " + jar + " does not exist");

        assertRefused(launch());

        // Checked afresh: once the jar is there, sessions start.
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not really a jar, but it exists");
        assertThat(health().get("approvals_server").path("ok").asBoolean()).isTrue();
        assertThat(launch().has("result")).isTrue();
    }

    @Test
    void aMissingOrNonExecutableProgramIsRefused() throws Exception {
        Path plain = Files.writeString(dir.resolve("approvals-server"), "#!/bin/sh\nexit 0\n");
        start(plain + " mcp");

        assertThat(health().get("approvals_server").path("error").asString())
                .isEqualTo("executable " + plain + " is not executable");
        assertThat(daemon.stderr()).contains("the approvals server cannot run: executable " + plain + " is not executable");
        assertRefused(launch());

        daemon.close();
        start("no-such-approvals-server mcp claude_approvals");
        assertThat(health().get("approvals_server").path("error").asString())
                .isEqualTo("executable no-such-approvals-server is not on PATH");
        assertRefused(launch());
    }

    @Test
    void continueSessionIsRefusedTooAndAnEmptyCommandMeansNoApprovalsOnPurpose() throws Exception {
        start("");
        JsonNode none = health().get("approvals_server");
        assertThat(none.path("injected").asBoolean()).isFalse();
        assertThat(none.path("ok").asBoolean()).isTrue();
        assertThat(daemon.stderr()).contains("no approvals server is injected into sessions");
        String parent = launch().path("result").path("session_id").asString();
        awaitTerminal(parent);
        daemon.close();

        start(dir.resolve("gone/approvals-server") + " mcp");
        JsonNode refused;
        try (LineClient client = daemon.client()) {
            refused = client.call("continueSession", Map.of("session_id", parent, "query", "and now?"));
        }
        assertThat(refused.path("error").path("message").asString())
                .startsWith("cannot launch session: the approvals server cannot run: executable "
                        + dir.resolve("gone/approvals-server") + " does not exist");
        assertThat(sessionCount()).as("no child stored").isEqualTo(1);
    }

    private void start(String approvalsCommand) throws Exception {
        daemon = DaemonProcess.start(dir, List.of("--approvals-command", approvalsCommand),
                Map.of("HUMANLAYER_CLAUDE_PATH", fake.executable().toString()));
        daemon.awaitReady(TIMEOUT);
    }

    private JsonNode health() throws Exception {
        try (LineClient client = daemon.client()) {
            return client.result("health", null);
        }
    }

    private JsonNode launch() throws Exception {
        try (LineClient client = daemon.client()) {
            return client.call("launchSession", Map.of("query", "write the file", "working_dir", work.toString()));
        }
    }

    private void assertRefused(JsonNode response) throws Exception {
        assertThat(response.has("result")).as(response.toString()).isFalse();
        assertThat(response.path("error").path("code").asInt()).isEqualTo(-32603);
        assertThat(response.path("error").path("message").asString())
                .startsWith("cannot launch session: the approvals server cannot run: ")
                .contains("--approvals-command ''");
        assertThat(sessionCount()).as("nothing stored").isZero();
        assertThat(fake.invocations()).as("claude never started for a session")
                .allSatisfy(argv -> assertThat(argv).containsExactly("--version"));
    }

    private int sessionCount() throws Exception {
        try (LineClient client = daemon.client()) {
            return client.result("listSessions", null).path("sessions").size();
        }
    }

    private void awaitTerminal(String id) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (LineClient client = daemon.client()) {
            while (System.nanoTime() < deadline) {
                String status = client.result("getSessionState", Map.of("session_id", id)).path("session")
                        .path("status").asString();
                if (TERMINAL.contains(status)) {
                    return;
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("session " + id + " did not end: " + daemon.stderr());
    }
}
