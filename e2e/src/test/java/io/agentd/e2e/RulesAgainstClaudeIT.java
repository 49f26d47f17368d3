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
 * Permission rules end to end: the real Claude CLI asks agentd's MCP approvals server, and a rule decides
 * before any person is asked; the approval row says which rule did.
 */
@Timeout(120)
class RulesAgainstClaudeIT {
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
    void anAllowRuleRunsTheCommandWithNobodyAsked() throws Exception {
        String ruleId = rpc("createRule", Map.of("rule", "Bash(touch:*)", "decision", "allow", "scope", "project",
                "working_dir", work.toString())).path("rule").path("id").asString();
        api.script("allow", Script.of(Reply.toolUse("Bash", Map.of("command", "touch allowed.txt",
                "description", "make a file")), Reply.text("Touched.")));
        String id = launch("allow");
        JsonNode session = claude.awaitStatus(id, TERMINAL, TIMEOUT);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        assertThat(work.resolve("allowed.txt")).exists();
        JsonNode toolCall = null;
        for (JsonNode e : rpc("getConversation", Map.of("session_id", id)).path("events")) {
            if (e.path("event_type").asString().equals("tool_call")) {
                toolCall = e;
            }
        }
        assertThat(toolCall).as("the Bash tool call is in the conversation").isNotNull();
        assertThat(toolCall.path("approval_status").asString()).isEqualTo("approved");
        JsonNode approval = rpc("getApproval", Map.of("approval_id", toolCall.path("approval_id").asString()))
                .path("approval");
        assertThat(approval.path("status").asString()).isEqualTo("approved");
        assertThat(approval.path("decided_by").asString()).isEqualTo("rule");
        assertThat(approval.path("rule_id").asString()).isEqualTo(ruleId);
        assertThat(rpc("fetchApprovals", Map.of("session_id", id)).path("approvals").size()).isZero();
    }

    @Test
    void aDenyRuleBlocksTheCommandAndClaudeReadsItsComment() throws Exception {
        Path build = Files.createDirectories(work.resolve("build"));
        Files.writeString(build.resolve("keep.txt"), "keep");
        rpc("createRule", Map.of("rule", "Bash(rm -rf:*)", "decision", "deny", "comment",
                "never delete build trees here"));
        api.script("deny", Script.of(Reply.toolUse("Bash", Map.of("command", "rm -rf build",
                "description", "clean")), Reply.text("Leaving it.")));
        String id = launch("deny");
        JsonNode session = claude.awaitStatus(id, TERMINAL, TIMEOUT);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        assertThat(build.resolve("keep.txt")).exists();
        assertThat(api.messageRequests("deny").getLast().toolResults().toString())
                .contains("never delete build trees here");
    }

    @Test
    void aCompoundCommandWithOnePartNotAllowedAsksAPerson() throws Exception {
        rpc("createRule", Map.of("rule", "Bash(touch:*)", "decision", "allow"));
        api.script("compound", Script.of(Reply.toolUse("Bash", Map.of("command", "touch a.txt && touch b.txt; rm -f a.txt",
                "description", "shuffle")), Reply.text("Done.")));
        String id = launch("compound");
        JsonNode approval = awaitPendingApproval(id);
        assertThat(approval.path("tool_input").path("command").asString()).contains("rm -f a.txt");
        rpc("sendDecision", Map.of("approval_id", approval.path("id").asString(), "decision", "deny",
                "comment", "no removing"));
        JsonNode session = claude.awaitStatus(id, TERMINAL, TIMEOUT);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        assertThat(work.resolve("a.txt")).doesNotExist();
    }

    private JsonNode rpc(String method, Map<String, Object> params) throws Exception {
        try (LineClient client = claude.daemon().client()) {
            return client.result(method, params);
        }
    }

    private String launch(String script) throws Exception {
        Map<String, Object> params = new HashMap<>();
        params.put("query", Script.tag(script) + " do it");
        params.put("working_dir", work.toString());
        return rpc("launchSession", params).path("session_id").asString();
    }

    private JsonNode awaitPendingApproval(String id) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode approvals = rpc("fetchApprovals", Map.of("session_id", id)).get("approvals");
            if (!approvals.isEmpty()) {
                return approvals.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no pending approval for " + id + "\ndaemon stderr:\n" + claude.daemon().stderr());
    }
}
