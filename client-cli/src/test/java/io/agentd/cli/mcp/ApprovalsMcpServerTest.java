package io.agentd.cli.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentd.cli.protocol.ProtocolJson;
import io.agentd.cli.testing.FakeDaemon;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Drives the approvals MCP server over in-memory stdio the way Claude Code does, against a fake
 * agentd on a real Unix socket.
 */
class ApprovalsMcpServerTest {
    private static final String SESSION = "sess-1";
    private static final String WRITE_INPUT = "{\"file_path\":\"/tmp/notes.txt\",\"content\":\"hi\"}";

    private FakeDaemon daemon;
    private Path socket;
    /** approval id → approval JSON minus id, as getApproval answers it now. */
    private final Map<String, String> approvals = new ConcurrentHashMap<>();
    private Thread server;
    private OutputStream toServer;
    private final BlockingQueue<JsonNode> fromServer = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        daemon = FakeDaemon.start();
        socket = daemon.socket();
        answerLikeAgentd(daemon);
    }

    @AfterEach
    void stop() throws Exception {
        if (toServer != null) {
            toServer.close();
            server.join(5000);
        }
        daemon.close();
    }

    private void answerLikeAgentd(FakeDaemon d) {
        d.on("createApproval", params -> {
            String id = "local-" + params.path("tool_use_id").asString();
            approvals.putIfAbsent(id, "\"status\":\"pending\"");
            return new FakeDaemon.Reply.Result("{\"approval_id\":\"" + id + "\"}");
        });
        d.on("getApproval", params -> {
            String id = params.path("approval_id").asString();
            String fields = approvals.get(id);
            return fields == null
                    ? new FakeDaemon.Reply.Error(-32603, "approval not found: " + id)
                    : new FakeDaemon.Reply.Result("{\"approval\":{\"id\":\"" + id + "\",\"session_id\":\"" + SESSION
                            + "\",\"run_id\":\"run-1\",\"tool_name\":\"Write\",\"tool_input\":" + WRITE_INPUT + ","
                            + fields + "}}");
        });
        d.on("Subscribe", params -> new FakeDaemon.Reply.Subscription(
                "{\"subscription_id\":\"s\",\"message\":\"Subscription established. Waiting for events...\","
                        + "\"last_seq\":5}"));
    }

    private void startServer(String sessionId) throws IOException {
        Pipe in = Pipe.open();
        Pipe out = Pipe.open();
        toServer = Channels.newOutputStream(in.sink());
        var gate = new DaemonPermissionGate(socket, sessionId, Duration.ofMillis(100));
        server = Thread.ofPlatform().name("mcp-server").start(() -> {
            try {
                new ApprovalsMcpServer(gate).serve(Channels.newInputStream(in.source()),
                        Channels.newOutputStream(out.sink()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.ofVirtual().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(out.source()),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    fromServer.add(ProtocolJson.MAPPER.readTree(line));
                }
            } catch (IOException e) {
                // The server ended.
            }
        });
    }

    private void send(String json) throws IOException {
        toServer.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    private JsonNode response(int id) throws InterruptedException {
        while (true) {
            JsonNode message = fromServer.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("response %d", id).isNotNull();
            if (message.path("id").asInt(-1) == id) {
                return message;
            }
        }
    }

    private void handshake(String sessionId) throws Exception {
        startServer(sessionId);
        send("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"server/discover\",\"params\":{}}");
        assertThat(response(0).path("error").path("code").asInt()).isEqualTo(-32601);
        send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"claude-code\",\"version\":\"2.1.328\"}}}");
        response(1);
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    private void callTool(int id, String toolUseId) throws IOException {
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"request_permission\","
                + "\"arguments\":{\"tool_name\":\"Write\",\"input\":" + WRITE_INPUT + ",\"tool_use_id\":\"" + toolUseId
                + "\"}}}");
    }

    /** The tool result's one text content. */
    private String answer(int id) throws InterruptedException {
        JsonNode response = response(id);
        assertThat(response.has("error")).as("error in %s", response).isFalse();
        JsonNode content = response.path("result").path("content");
        assertThat(content.size()).isEqualTo(1);
        assertThat(content.get(0).path("type").asString()).isEqualTo("text");
        return content.get(0).path("text").asString();
    }

    private static String resolved(int seq, String approvalId, boolean approved) {
        return "{\"type\":\"approval_resolved\",\"timestamp\":\"2026-06-18T12:00:00Z\",\"seq\":" + seq
                + ",\"data\":{\"approval_id\":\"" + approvalId + "\",\"session_id\":\"" + SESSION
                + "\",\"run_id\":\"run-1\",\"approved\":" + approved + ",\"response_text\":\"\"}}";
    }

    private long calls(FakeDaemon d, String method) {
        return d.methods().stream().filter(method::equals).count();
    }

    private void awaitWaiting(FakeDaemon d, int subscribers, int getApprovals) {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                d.subscriberCount() == subscribers && calls(d, "getApproval") >= getApprovals);
    }

    @Test
    void answersTheDiscoverProbeWithMethodNotFoundThenInitializesAndListsTheTool() throws Exception {
        startServer(SESSION);
        send("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"server/discover\",\"params\":{}}");
        JsonNode probe = response(0);
        assertThat(probe.path("error").path("code").asInt()).isEqualTo(-32601);
        assertThat(probe.has("result")).isFalse();

        send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"claude-code\",\"version\":\"2.1.328\"}}}");
        JsonNode init = response(1).path("result");
        assertThat(init.path("protocolVersion").asString()).isEqualTo("2025-11-25");
        assertThat(init.path("serverInfo").toString())
                .isEqualTo("{\"name\":\"humanlayer-claude-local-approvals\",\"version\":\"1.0.0\"}");
        assertThat(init.path("capabilities").has("tools")).isTrue();

        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}");
        JsonNode tools = response(2).path("result").path("tools");
        assertThat(tools.size()).isEqualTo(1);
        JsonNode schema = tools.get(0).path("inputSchema");
        assertThat(tools.get(0).path("name").asString()).isEqualTo("request_permission");
        assertThat(schema.path("type").asString()).isEqualTo("object");
        assertThat(schema.path("properties").path("tool_name").path("type").asString()).isEqualTo("string");
        assertThat(schema.path("properties").path("input").path("type").asString()).isEqualTo("object");
        assertThat(schema.path("properties").path("tool_use_id").path("type").asString()).isEqualTo("string");
        assertThat(schema.path("required").toString()).isEqualTo("[\"tool_name\",\"input\",\"tool_use_id\"]");
        assertThat(daemon.requests()).as("no tool call, no daemon traffic").isEmpty();
    }

    @Test
    void approvalArrivesOnTheSubscriptionWithoutPolling() throws Exception {
        handshake(SESSION);
        callTool(3, "toolu_1");
        awaitWaiting(daemon, 1, 1);
        // Waiting is event-driven: no getApproval while nothing happens.
        Thread.sleep(1500);
        assertThat(calls(daemon, "getApproval")).isEqualTo(1);

        daemon.emit(resolved(6, "local-other", true));
        approvals.put("local-toolu_1", "\"status\":\"approved\",\"comment\":\"ok\"");
        daemon.emit(resolved(7, "local-toolu_1", true));

        assertThat(answer(3)).isEqualTo("{\"behavior\":\"allow\",\"updatedInput\":" + WRITE_INPUT + "}");
        assertThat(calls(daemon, "getApproval")).isEqualTo(2);
        assertThat(daemon.params("createApproval")).singleElement().satisfies(p -> assertThat(p.toString())
                .isEqualTo("{\"run_id\":\"sess-1\",\"tool_name\":\"Write\",\"tool_input\":" + WRITE_INPUT
                        + ",\"tool_use_id\":\"toolu_1\"}"));
        assertThat(daemon.params("Subscribe")).singleElement().satisfies(p -> assertThat(p.toString())
                .isEqualTo("{\"event_types\":[\"approval_resolved\"],\"session_id\":\"sess-1\"}"));
    }

    @Test
    void deniedWithACommentAnswersDenyWithThatComment() throws Exception {
        handshake(SESSION);
        callTool(3, "toolu_1");
        awaitWaiting(daemon, 1, 1);
        approvals.put("local-toolu_1", "\"status\":\"denied\",\"comment\":\"write it under build/ instead\"");
        daemon.emit(resolved(6, "local-toolu_1", false));
        assertThat(answer(3)).isEqualTo("{\"behavior\":\"deny\",\"message\":\"write it under build/ instead\"}");
    }

    @Test
    void aDecisionThatAlreadyExistsIsFoundRightAfterSubscribingAndDenialGetsTheDefaultMessage() throws Exception {
        approvals.put("local-toolu_1", "\"status\":\"denied\"");
        handshake(SESSION);
        callTool(3, "toolu_1");
        assertThat(answer(3)).isEqualTo("{\"behavior\":\"deny\",\"message\":\"Request denied by human reviewer\"}");
        assertThat(calls(daemon, "getApproval")).isEqualTo(1);
    }

    @Test
    void anExpiredApprovalIsDeniedBecauseTheSessionEnded() throws Exception {
        handshake(SESSION);
        callTool(3, "toolu_1");
        awaitWaiting(daemon, 1, 1);
        approvals.put("local-toolu_1", "\"status\":\"expired\"");
        daemon.emit(resolved(6, "local-toolu_1", false));
        JsonNode answer = ProtocolJson.MAPPER.readTree(answer(3));
        assertThat(answer.path("behavior").asString()).isEqualTo("deny");
        assertThat(answer.path("message").asString()).contains("session ended");
    }

    @Test
    void keepsWaitingForTheSameApprovalAcrossADaemonRestart() throws Exception {
        handshake(SESSION);
        callTool(3, "toolu_1");
        awaitWaiting(daemon, 1, 1);
        daemon.emit(resolved(7, "local-unrelated", true));
        await().atMost(Duration.ofSeconds(5)).until(() -> calls(daemon, "getApproval") == 1);

        daemon.close();
        Thread.sleep(300);
        FakeDaemon restarted = FakeDaemon.startAt(socket);
        try {
            answerLikeAgentd(restarted);
            awaitWaiting(restarted, 1, 1);
            approvals.put("local-toolu_1", "\"status\":\"approved\"");
            restarted.emit(resolved(8, "local-toolu_1", true));

            assertThat(answer(3)).isEqualTo("{\"behavior\":\"allow\",\"updatedInput\":" + WRITE_INPUT + "}");
            assertThat(calls(daemon, "createApproval") + calls(restarted, "createApproval")).isEqualTo(1);
            assertThat(restarted.params("Subscribe").getFirst().path("since_seq").asLong()).isEqualTo(7);
            assertThat(restarted.params("getApproval"))
                    .allSatisfy(p -> assertThat(p.path("approval_id").asString()).isEqualTo("local-toolu_1"));
        } finally {
            daemon = restarted;
        }
    }

    @Test
    void concurrentToolCallsWaitIndependently() throws Exception {
        handshake(SESSION);
        callTool(3, "toolu_a");
        callTool(4, "toolu_b");
        awaitWaiting(daemon, 2, 2);

        approvals.put("local-toolu_b", "\"status\":\"denied\",\"comment\":\"not b\"");
        daemon.emit(resolved(6, "local-toolu_b", false));
        assertThat(answer(4)).isEqualTo("{\"behavior\":\"deny\",\"message\":\"not b\"}");

        approvals.put("local-toolu_a", "\"status\":\"approved\"");
        daemon.emit(resolved(7, "local-toolu_a", true));
        assertThat(answer(3)).isEqualTo("{\"behavior\":\"allow\",\"updatedInput\":" + WRITE_INPUT + "}");
        assertThat(calls(daemon, "createApproval")).isEqualTo(2);
    }

    @Test
    void withoutASessionIdTheCallFailsWithAnInternalError() throws Exception {
        handshake(null);
        callTool(3, "toolu_1");
        JsonNode response = response(3);
        assertThat(response.path("error").path("code").asInt()).isEqualTo(-32603);
        assertThat(response.path("error").path("message").asString()).contains("HUMANLAYER_SESSION_ID");
        assertThat(daemon.requests()).isEmpty();
    }
}
