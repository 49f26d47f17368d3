package io.agentd.daemon.approval;

import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.methods.ApprovalRpcBindings;
import io.agentd.daemon.rpc.RpcServer;
import io.agentd.daemon.rpc.RpcServerOptions;
import io.agentd.store.Database;
import io.agentd.store.testing.TempDatabaseExtension;
import io.agentd.testkit.daemon.LineClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The approval methods over a real Unix socket: hld's params, result shapes and errors as clients see them. */
@ExtendWith(TempDatabaseExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApprovalApiIT {
    private ApprovalFixtures f;
    private Path dir;
    private RpcServer server;
    private LineClient client;

    @BeforeEach
    void setUp(Database database) throws IOException {
        f = new ApprovalFixtures(database);
        f.session("s1");
        MethodRegistry registry = new MethodRegistry();
        new ApprovalRpcBindings(f.service).register(registry);
        dir = Files.createTempDirectory(Path.of("/tmp"), "agentd-appr");
        server = RpcServer.start(dir.resolve("d.sock"), registry, RpcServerOptions.defaults());
        client = LineClient.connect(dir.resolve("d.sock"));
    }

    @AfterEach
    void tearDown() throws IOException {
        client.close();
        server.close();
        Files.deleteIfExists(dir.resolve("d.sock"));
        Files.deleteIfExists(dir);
    }

    private String create(Map<String, Object> params) throws IOException {
        String id = client.result("createApproval", params).path("approval_id").asString();
        assertThat(id).matches("local-[0-9a-f-]{36}");
        return id;
    }

    private static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private JsonNode error(String method, Object params) throws IOException {
        JsonNode response = client.call(method, params);
        assertThat(response.has("result")).as(response.toString()).isFalse();
        return response.get("error");
    }

    @Test
    void createThenGetGivesHldsApprovalShapeWithTheRawToolInput() throws IOException {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("command", "ls -la");
        input.put("nested", List.of(1, 2));
        String id = create(params("run_id", "s1", "tool_name", "Bash", "tool_input", input, "tool_use_id", "toolu_1"));

        JsonNode approval = client.result("getApproval", Map.of("approval_id", id)).get("approval");

        assertThat(approval.path("id").asString()).isEqualTo(id);
        assertThat(approval.path("run_id").asString()).isEqualTo("run-s1");
        assertThat(approval.path("session_id").asString()).isEqualTo("s1");
        assertThat(approval.path("tool_use_id").asString()).isEqualTo("toolu_1");
        assertThat(approval.path("status").asString()).isEqualTo("pending");
        assertThat(approval.path("created_at").asString()).isEqualTo("2026-11-22T04:30:22.12Z");
        assertThat(approval.path("tool_name").asString()).isEqualTo("Bash");
        assertThat(approval.get("tool_input").toString()).isEqualTo("{\"command\":\"ls -la\",\"nested\":[1,2]}");
        assertThat(approval.has("responded_at")).isFalse();
        assertThat(approval.has("comment")).isFalse();
        assertThat(approval.has("decided_by")).isFalse();
    }

    @Test
    void aNullToolInputIsAcceptedAndKept() throws IOException {
        Map<String, Object> p = params("run_id", "s1", "tool_name", "Bash", "tool_input", null, "tool_use_id", "t");
        String id = create(p);

        JsonNode approval = client.result("getApproval", Map.of("approval_id", id)).get("approval");
        assertThat(approval.get("tool_input").isNull()).isTrue();
    }

    @Test
    void theLegacyPathFindsTheSessionByRunId() throws IOException {
        String id = create(params("run_id", "run-s1", "tool_name", "Bash", "tool_input", Map.of(), "tool_use_id", ""));

        JsonNode approval = client.result("getApproval", Map.of("approval_id", id)).get("approval");
        assertThat(approval.path("session_id").asString()).isEqualTo("s1");
        assertThat(approval.has("tool_use_id")).isFalse();
    }

    @Test
    void fetchListsPendingOldestFirstAndIsNeverNull() throws IOException {
        assertThat(client.result("fetchApprovals", Map.of("session_id", "s1")).get("approvals").isArray()).isTrue();
        assertThat(client.result("fetchApprovals", Map.of("session_id", "s1")).get("approvals")).isEmpty();
        assertThat(client.result("fetchApprovals", Map.of()).get("approvals")).isEmpty();
        assertThat(client.result("fetchApprovals", null).get("approvals")).isEmpty();
        String first = create(params("run_id", "s1", "tool_name", "Bash", "tool_input", Map.of(), "tool_use_id", "t1"));
        String second = create(params("run_id", "s1", "tool_name", "Bash", "tool_input", Map.of(), "tool_use_id", "t2"));

        JsonNode pending = client.result("fetchApprovals", Map.of("session_id", "s1")).get("approvals");

        assertThat(pending).extracting(a -> a.path("id").asString()).containsExactly(first, second);
        assertThat(client.result("fetchApprovals", Map.of()).get("approvals")).isEmpty();
        assertThat(client.result("fetchApprovals", Map.of("session_id", "other")).get("approvals")).isEmpty();
    }

    @Test
    void sendDecisionApprovesOnceAndReportsALaterDecisionInTheResult() throws IOException {
        String id = create(params("run_id", "s1", "tool_name", "Bash", "tool_input", Map.of(), "tool_use_id", "t1"));

        JsonNode first = client.result("sendDecision", Map.of("approval_id", id, "decision", "approve"));
        JsonNode second = client.result("sendDecision", Map.of("approval_id", id, "decision", "deny", "comment", "no"));

        assertThat(first.toString()).isEqualTo("{\"success\":true}");
        assertThat(second.path("success").asBoolean()).isFalse();
        assertThat(second.path("error").asString())
                .isEqualTo("failed to update approval: approval " + id + " already decided with status: approved");
        JsonNode approval = client.result("getApproval", Map.of("approval_id", id)).get("approval");
        assertThat(approval.path("status").asString()).isEqualTo("approved");
        assertThat(approval.path("decided_by").asString()).isEqualTo("human");
        assertThat(approval.path("responded_at").asString()).isEqualTo("2026-11-22T04:30:22.12Z");
        assertThat(client.result("fetchApprovals", Map.of("session_id", "s1")).get("approvals")).isEmpty();
    }

    @Test
    void aDenialKeepsItsComment() throws IOException {
        String id = create(params("run_id", "s1", "tool_name", "Bash", "tool_input", Map.of(), "tool_use_id", "t1"));

        client.result("sendDecision", Map.of("approval_id", id, "decision", "deny", "comment", "use rg instead"));

        JsonNode approval = client.result("getApproval", Map.of("approval_id", id)).get("approval");
        assertThat(approval.path("status").asString()).isEqualTo("denied");
        assertThat(approval.path("comment").asString()).isEqualTo("use rg instead");
    }

    @Test
    void aDecisionOnAnUnknownApprovalIsAFailedResult() throws IOException {
        JsonNode result = client.result("sendDecision", Map.of("approval_id", "local-x", "decision", "approve"));

        assertThat(result.path("success").asBoolean()).isFalse();
        assertThat(result.path("error").asString()).isEqualTo("failed to get approval: approval not found: local-x");
    }

    @Test
    void missingOrInvalidParamsAreInvalidParamsNamingTheField() throws IOException {
        assertError(error("createApproval", params("tool_name", "Bash", "tool_input", Map.of())), -32602,
                "run_id is required");
        assertError(error("createApproval", params("run_id", "s1", "tool_input", Map.of())), -32602,
                "tool_name is required");
        assertError(error("createApproval", params("run_id", "s1", "tool_name", "Bash")), -32602,
                "tool_input is required");
        assertError(error("getApproval", Map.of()), -32602, "approval_id is required");
        assertError(error("sendDecision", Map.of("decision", "approve")), -32602, "approval_id is required");
        assertError(error("sendDecision", Map.of("approval_id", "a")), -32602, "decision is required");
        assertError(error("sendDecision", Map.of("approval_id", "a", "decision", "respond")), -32602,
                "invalid decision: respond (must be 'approve' or 'deny')");
        assertError(error("sendDecision", Map.of("approval_id", "a", "decision", "deny")), -32602,
                "comment is required for denial");
        assertError(error("sendDecision", Map.of("approval_id", "a", "decision", "deny", "comment", " ")), -32602,
                "comment is required for denial");
    }

    @Test
    void unknownSessionsAndApprovalsAreInternalErrorsWithHldsMessages() throws IOException {
        assertError(error("createApproval", params("run_id", "nope", "tool_name", "Bash", "tool_input", Map.of(),
                "tool_use_id", "t")), -32603,
                "failed to create approval with tool use ID: failed to get session: session not found: nope");
        assertError(error("createApproval", params("run_id", "nope", "tool_name", "Bash", "tool_input", Map.of())),
                -32603, "failed to create approval: session not found for run_id: nope");
        assertError(error("getApproval", Map.of("approval_id", "local-x")), -32603,
                "failed to get approval: failed to get approval: approval not found: local-x");
    }

    private static void assertError(JsonNode error, int code, String message) {
        assertThat(error.path("code").asInt()).as(error.toString()).isEqualTo(code);
        assertThat(error.path("message").asString()).isEqualTo(message);
    }
}
