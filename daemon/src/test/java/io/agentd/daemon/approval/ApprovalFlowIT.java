package io.agentd.daemon.approval;

import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeclaude.FakeClaude;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approvals against the real daemon: the test plays the MCP approvals server's part over the socket
 * (createApproval with the session id and tool use id, as hld's server does) while a fake claude keeps the
 * session running and prints its tool call only after the approval exists.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ApprovalFlowIT {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String TOOL_CALL = """
            {"type":"assistant","message":{"id":"m1","role":"assistant","content":[{"type":"tool_use","id":"toolu_late",\
            "name":"Bash","input":{"command":"rm -rf build"}}]},"parent_tool_use_id":null,"session_id":"c1"}""";

    private DaemonProcess daemon;

    @AfterEach
    void tearDown() {
        if (daemon != null) {
            daemon.close();
        }
    }

    private FakeClaude start(List<String> args) throws Exception {
        Path dir = DaemonProcess.tempDir();
        FakeClaude fake = FakeClaude.builder()
                .stdout("{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"c1\",\"model\":\"claude-sonnet-4-5\"}")
                .sleep(Duration.ofSeconds(2))
                .stdout(TOOL_CALL)
                .hangForever()
                .writeTo(Files.createDirectories(dir.resolve("bin")));
        daemon = DaemonProcess.start(dir, args, DaemonProcess.env("HUMANLAYER_CLAUDE_PATH", fake.executable().toString()));
        daemon.awaitReady(Duration.ofSeconds(30));
        Files.createDirectories(dir.resolve("work"));
        return fake;
    }

    private String launch(LineClient client) throws Exception {
        String id = client.result("launchSession", Map.of("query", "clean up", "working_dir",
                daemon.dir().resolve("work").toString())).path("session_id").asString();
        awaitStatus(client, id, "running");
        return id;
    }

    @Test
    void aPendingApprovalIsDecidedOnceAndExpiresWhenItsSessionEnds() throws Exception {
        FakeClaude fake = start(List.of());
        try (LineClient client = daemon.client(); LineClient sub = daemon.client()) {
            sub.send("{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"params\":{},\"id\":1}");
            sub.readLine();
            String id = launch(client);
            assertThat(fake.lastArgs()).doesNotContain("--permission-prompt-tool");

            // The MCP server asks before Claude's assistant event (with the tool call) reaches stdout.
            String approvalId = client.result("createApproval", Map.of("run_id", id, "tool_name", "Bash",
                    "tool_input", Map.of("command", "rm -rf build"), "tool_use_id", "toolu_late")).path("approval_id").asString();
            assertThat(status(client, id)).isEqualTo("waiting_input");
            JsonNode created = awaitEvent(sub, e -> e.path("type").asString().equals("new_approval"));
            assertThat(created.path("data").path("approval_id").asString()).isEqualTo(approvalId);
            assertThat(created.path("data").path("session_id").asString()).isEqualTo(id);
            assertThat(created.path("data").path("run_id").asString()).isNotBlank();
            assertThat(created.path("data").path("tool_name").asString()).isEqualTo("Bash");
            JsonNode call = awaitToolCall(client, id, c -> c.path("approval_id").asString().equals(approvalId));
            assertThat(call.path("approval_status").asString()).isEqualTo("pending");

            JsonNode noComment = client.call("sendDecision", Map.of("approval_id", approvalId, "decision", "deny"));
            assertThat(noComment.path("error").path("code").asInt()).isEqualTo(-32602);
            assertThat(noComment.path("error").path("message").asString()).isEqualTo("comment is required for denial");

            assertThat(client.result("sendDecision", Map.of("approval_id", approvalId, "decision", "approve"))
                    .path("success").asBoolean()).isTrue();
            assertThat(status(client, id)).isEqualTo("running");
            JsonNode resolved = awaitEvent(sub, e -> e.path("type").asString().equals("approval_resolved"));
            assertThat(resolved.path("data").path("approval_id").asString()).isEqualTo(approvalId);
            assertThat(resolved.path("data").path("approved").asBoolean()).isTrue();
            assertThat(resolved.path("data").path("tool_use_id").asString()).isEqualTo("toolu_late");
            assertThat(awaitToolCall(client, id, c -> c.path("approval_status").asString().equals("approved"))
                    .path("approval_id").asString()).isEqualTo(approvalId);

            String second = client.result("createApproval", Map.of("run_id", id, "tool_name", "Write",
                    "tool_input", Map.of("file_path", "x"), "tool_use_id", "toolu_2")).path("approval_id").asString();
            assertThat(client.result("fetchApprovals", Map.of("session_id", id)).get("approvals"))
                    .extracting(a -> a.path("id").asString()).containsExactly(second);
            client.result("interruptSession", Map.of("session_id", id));
            awaitStatus(client, id, "interrupted");

            JsonNode expired = client.result("getApproval", Map.of("approval_id", second)).get("approval");
            assertThat(expired.path("status").asString()).isEqualTo("expired");
            assertThat(expired.path("comment").asString()).isEqualTo("session ended before a decision");
            assertThat(expired.path("decided_by").asString()).isEqualTo("session_ended");
            JsonNode expiredEvent = awaitEvent(sub, e -> e.path("type").asString().equals("approval_resolved")
                    && e.path("data").path("approval_id").asString().equals(second));
            assertThat(expiredEvent.path("data").path("approved").asBoolean()).isFalse();
            JsonNode late = client.result("sendDecision", Map.of("approval_id", second, "decision", "approve"));
            assertThat(late.path("success").asBoolean()).isFalse();
            assertThat(late.path("error").asString()).endsWith("already decided with status: expired");
        }
    }

    @Test
    void aConfiguredApprovalsCommandIsInjectedWithTheDefaultPermissionTool() throws Exception {
        // Any program that exists will do (agentd checks that it can run, issue 11); the fake claude never starts it.
        FakeClaude fake = start(List.of("--approvals-command", "true mcp claude_approvals"));
        try (LineClient client = daemon.client()) {
            launch(client);
        }
        // The launch, not the daemon's own `claude --version` check, which may run at about the same time.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> args;
        while ((args = fake.invocations().stream().filter(a -> a.contains("--print")).findFirst().orElse(List.of()))
                .isEmpty()) {
            assertThat(System.nanoTime()).as("claude never launched: %s", fake.invocations()).isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(args).containsSubsequence("--permission-prompt-tool", "mcp__codelayer__request_permission");
        assertThat(args).contains("--mcp-config");
    }

    private static String status(LineClient client, String id) throws Exception {
        return client.result("getSessionState", Map.of("session_id", id)).path("session").path("status").asString();
    }

    private static void awaitStatus(LineClient client, String id, String wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!status(client, id).equals(wanted)) {
            assertThat(System.nanoTime()).as("session %s never became %s", id, wanted).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static JsonNode awaitToolCall(LineClient client, String id, Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            for (JsonNode e : client.result("getConversation", Map.of("session_id", id)).get("events")) {
                if (e.path("event_type").asString().equals("tool_call") && wanted.test(e)) {
                    return e;
                }
            }
            assertThat(System.nanoTime()).as("no matching tool_call in %s", id).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static JsonNode awaitEvent(LineClient sub, Predicate<JsonNode> wanted) throws Exception {
        while (true) {
            JsonNode line = MAPPER.readTree(sub.readLine());
            JsonNode event = line.path("result").path("event");
            if (!event.isMissingNode() && wanted.test(event)) {
                return event;
            }
        }
    }
}
