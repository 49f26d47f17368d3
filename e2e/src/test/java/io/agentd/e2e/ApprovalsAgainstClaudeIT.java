package io.agentd.e2e;

import io.agentd.testkit.daemon.ClaudeDaemon;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeapi.FakeAnthropicApi;
import io.agentd.testkit.fakeapi.Reply;
import io.agentd.testkit.fakeapi.Script;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approvals end to end: the real Claude CLI asks agentd's own MCP approvals server
 * ({@code agentctl mcp claude_approvals}) for permission, a person decides over JSON-RPC, and the
 * decision reaches Claude.
 */
@Timeout(120)
class ApprovalsAgainstClaudeIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "interrupted");

    private FakeAnthropicApi api;
    private ClaudeDaemon claude;
    private Path work;

    @BeforeEach
    void setUp() throws Exception {
        Path dir = DaemonProcess.tempDir();
        api = FakeAnthropicApi.start();
        Path cliJar = Path.of(System.getProperty("agentd.root", "..")).toAbsolutePath().normalize()
                .resolve("client-cli/target/agentd-cli.jar");
        assertThat(cliJar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        claude = new ClaudeDaemon(dir, api, Map.of("AGENTD_APPROVALS_COMMAND",
                java + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar " + cliJar + " mcp claude_approvals"));
        work = Files.createDirectories(dir.resolve("work"));
        claude.start(List.of());
    }

    @AfterEach
    void tearDown() {
        claude.close();
        api.close();
    }

    @Test
    void anApprovedWriteIsWrittenAndTheSessionCompletes() throws Exception {
        Path target = work.resolve("approved.txt");
        api.script("write", writeThenSay(target, "Wrote it."));
        String id = launch("write", Map.of());
        JsonNode approval = awaitPendingApproval(id);
        assertThat(approval.path("tool_name").asString()).isEqualTo("Write");
        assertThat(state(id).path("status").asString()).isEqualTo("waiting_input");
        assertThat(decide(approval, "approve", null).path("success").asBoolean()).isTrue();
        JsonNode session = claude.awaitStatus(id, TERMINAL, TIMEOUT);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        assertThat(Files.readString(target)).isEqualTo("hello from claude");
    }

    @Test
    void aDeniedWriteIsNotWrittenAndTheCommentReachesClaude() throws Exception {
        Path target = work.resolve("denied.txt");
        api.script("deny", writeThenSay(target, "Understood, not writing."));
        String id = launch("deny", Map.of());
        JsonNode approval = awaitPendingApproval(id);
        assertThat(decide(approval, "deny", "not in this folder, please").path("success").asBoolean()).isTrue();
        JsonNode session = claude.awaitStatus(id, TERMINAL, TIMEOUT);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        assertThat(target).doesNotExist();
        assertThat(api.messageRequests("deny").getLast().toolResults().toString()).contains("not in this folder, please");
        try (var db = claude.database(); var rs = db.createStatement().executeQuery(
                "SELECT event_json FROM raw_events WHERE session_id = '" + id + "' AND event_json LIKE '%\"type\":\"result\"%'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains("permission_denials").contains("Write");
        }
    }

    @Test
    void autoAcceptEditsNeedsNoHuman() throws Exception {
        Path target = work.resolve("auto.txt");
        api.script("auto", writeThenSay(target, "Done."));
        String id = launch("auto", Map.of("auto_accept_edits", true));
        JsonNode session = claude.awaitStatus(id, TERMINAL, TIMEOUT);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        assertThat(target).exists();
        try (var db = claude.database(); var rs = db.createStatement().executeQuery(
                "SELECT status, decided_by FROM approvals WHERE session_id = '" + id + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("approved");
            assertThat(rs.getString(2)).isEqualTo("auto_accept_edits");
        }
    }

    @Test
    void bypassWithAShortExpiryApprovesBeforeAndAsksAfter() throws Exception {
        Path first = work.resolve("first.txt");
        Path second = work.resolve("second.txt");
        api.script("bypass", Script.of(
                Reply.toolUse("Write", Map.of("file_path", first.toString(), "content", "one")),
                Reply.toolUse("Bash", Map.of("command", "sleep 4", "description", "wait for the bypass to expire")),
                Reply.toolUse("Write", Map.of("file_path", second.toString(), "content", "two")),
                Reply.text("Both written.")));
        String id = launch("bypass", Map.of("dangerously_skip_permissions", true,
                "dangerously_skip_permissions_timeout", 2500, "allowed_tools", List.of("Bash")));
        JsonNode approval = awaitPendingApproval(id);
        assertThat(first).as("written while the bypass was on").exists();
        assertThat(approval.path("tool_input").path("file_path").asString()).isEqualTo(second.toString());
        decide(approval, "approve", null);
        JsonNode session = claude.awaitStatus(id, TERMINAL, TIMEOUT);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        assertThat(second).exists();
    }

    @Test
    void aDecisionMadeAfterADaemonRestartStillReachesClaude() throws Exception {
        Path target = work.resolve("restart.txt");
        api.script("restart", writeThenSay(target, "Written after the restart."));
        String id = launch("restart", Map.of());
        String approvalId = awaitPendingApproval(id).path("id").asString();
        claude.daemon().signal("KILL");
        claude.daemon().awaitExit(Duration.ofSeconds(10));
        claude.start(List.of());
        JsonNode approval;
        try (LineClient client = claude.daemon().client()) {
            approval = client.result("getApproval", Map.of("approval_id", approvalId)).get("approval");
        }
        assertThat(approval.path("status").asString()).isEqualTo("pending");
        decide(approval, "approve", null);
        JsonNode session = claude.awaitStatus(id, TERMINAL, TIMEOUT);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        assertThat(Files.readString(target)).isEqualTo("hello from claude");
    }

    private static Script writeThenSay(Path target, String text) {
        return Script.of(Reply.toolUse("Write", Map.of("file_path", target.toString(), "content", "hello from claude")),
                Reply.text(text));
    }

    private String launch(String script, Map<String, Object> extra) throws Exception {
        Map<String, Object> params = new HashMap<>(extra);
        params.put("query", Script.tag(script) + " write the file");
        params.put("working_dir", work.toString());
        try (LineClient client = claude.daemon().client()) {
            return client.result("launchSession", params).path("session_id").asString();
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
                if (!approvals.isEmpty()) {
                    return approvals.get(0);
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("no pending approval for " + id + "; session " + state(id) + "\ndaemon stderr:\n"
                + claude.daemon().stderr());
    }

    private JsonNode decide(JsonNode approval, String decision, String comment) throws Exception {
        Map<String, Object> params = new HashMap<>();
        params.put("approval_id", approval.path("id").asString());
        params.put("decision", decision);
        if (comment != null) {
            params.put("comment", comment);
        }
        try (LineClient client = claude.daemon().client()) {
            return client.result("sendDecision", params);
        }
    }
}
