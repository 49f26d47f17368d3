package io.agentd.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentd.cli.protocol.SessionRef;
import io.agentd.cli.testing.FakeDaemon;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DaemonClientTest {
    private FakeDaemon daemon;

    @BeforeEach
    void start() throws Exception {
        daemon = FakeDaemon.start();
    }

    @AfterEach
    void stop() throws Exception {
        daemon.close();
    }

    @Test
    void sendsJsonRpcRequestsWithIncrementingNumericIds() {
        daemon.result("health", "{\"status\":\"ok\",\"version\":\"0.1.0\"}");
        try (DaemonClient client = DaemonClient.connect(daemon.socket())) {
            assertThat(client.call("health", null).path("version").asString()).isEqualTo("0.1.0");
            client.call("health", Map.of("x", 1));
        }
        assertThat(daemon.requests()).hasSize(2);
        JsonNode first = daemon.requests().get(0);
        assertThat(first.path("jsonrpc").asString()).isEqualTo("2.0");
        assertThat(first.has("params")).as("no params key when params is null").isFalse();
        assertThat(first.path("id").isIntegralNumber()).isTrue();
        assertThat(daemon.requests().get(1).path("id").asLong()).isEqualTo(first.path("id").asLong() + 1);
        assertThat(daemon.requests().get(1).path("params").path("x").asInt()).isEqualTo(1);
    }

    @Test
    void writesParamsRecordsInSnakeCase() {
        daemon.result("getSessionState", "{\"session\":{}}");
        try (DaemonClient client = DaemonClient.connect(daemon.socket())) {
            client.call("getSessionState", new SessionRef("abc"));
        }
        assertThat(daemon.params("getSessionState").getFirst().toString()).isEqualTo("{\"session_id\":\"abc\"}");
    }

    @Test
    void skipsLinesThatAreNotTheAnswer() {
        daemon.noiseBeforeEachResponse(
                "not json at all",
                "{\"jsonrpc\":\"2.0\",\"result\":{\"wrong\":true},\"id\":999}",
                "{\"jsonrpc\":\"2.0\",\"result\":{\"type\":\"heartbeat\"},\"id\":null}",
                "{\"jsonrpc\":\"2.0\",\"result\":{\"wrong\":true},\"id\":\"1\"}",
                "")
                .result("health", "{\"status\":\"ok\"}");
        try (DaemonClient client = DaemonClient.connect(daemon.socket())) {
            assertThat(client.call("health", null).toString()).isEqualTo("{\"status\":\"ok\"}");
        }
    }

    @Test
    void turnsAnErrorResponseIntoAnExceptionWithCodeAndMessage() {
        daemon.error("getSessionState", -32603, "failed to get session: session not found: x");
        try (DaemonClient client = DaemonClient.connect(daemon.socket())) {
            assertThatThrownBy(() -> client.call("getSessionState", new SessionRef("x")))
                    .isInstanceOfSatisfying(DaemonErrorException.class, e -> {
                        assertThat(e.code()).isEqualTo(-32603);
                        assertThat(e.daemonMessage()).isEqualTo("failed to get session: session not found: x");
                    });
        }
    }

    @Test
    void readsAResponseOfManyMegabytes() {
        String content = "y".repeat(15 * 1024 * 1024);
        daemon.result("getConversation", "{\"events\":[{\"content\":\"" + content + "\"}]}");
        try (DaemonClient client = DaemonClient.connect(daemon.socket())) {
            JsonNode result = client.call("getConversation", new SessionRef("s"));
            assertThat(result.path("events").get(0).path("content").asString()).hasSize(content.length());
        }
    }

    @Test
    void timesOutWhenTheDaemonNeverAnswers() {
        daemon.on("health", params -> new FakeDaemon.Reply.Silence());
        try (DaemonClient client = DaemonClient.connect(daemon.socket(), Duration.ofMillis(300))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.call("health", null))
                    .isInstanceOf(DaemonConnectionException.class)
                    .hasMessageContaining("did not answer health");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void reportsAConnectionClosedBeforeTheAnswer() {
        daemon.on("health", params -> new FakeDaemon.Reply.Hangup());
        try (DaemonClient client = DaemonClient.connect(daemon.socket())) {
            assertThatThrownBy(() -> client.call("health", null))
                    .isInstanceOf(DaemonConnectionException.class)
                    .hasMessage("agentd closed the connection before answering health");
        }
    }

    @Test
    void reportsAMissingDaemonWithTheRemedy() {
        Path nowhere = FakeDaemon.unusedSocket();
        assertThatThrownBy(() -> DaemonClient.connect(nowhere))
                .isInstanceOf(DaemonUnavailableException.class)
                .hasMessage("no agentd at " + nowhere + " — start it with bin/agentd");
    }
}
