package io.agentd.daemon.session.api;

import static io.agentd.daemon.session.api.StoredSessions.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.methods.SessionRpcBindings;
import io.agentd.daemon.session.SessionEvents;
import io.agentd.daemon.rpc.RpcServer;
import io.agentd.daemon.rpc.RpcServerOptions;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.store.Database;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.testing.TempDatabaseExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The store-only session methods over a real Unix socket: wire shapes and error codes as clients see them. */
@ExtendWith(TempDatabaseExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionApiIT {
    private Database database;
    private Path dir;
    private RpcServer server;
    private LineClient client;

    @BeforeEach
    void setUp(Database database) throws IOException {
        this.database = database;
        StoredSessions store = new StoredSessions(database);
        store.insert(StoredSessions.withStatus("root", SessionStatus.COMPLETED, false, null,
                T0));
        store.insert(StoredSessions.withStatus("leaf", SessionStatus.RUNNING, false, "root",
                T0.plusSeconds(1)));
        store.message("root", "claude-root", "user", "first", T0);
        store.message("leaf", "claude-leaf", "user", "second", T0.plusSeconds(1));
        MethodRegistry registry = new MethodRegistry();
        new SessionRpcBindings(TestServices.sessions(database, SessionEvents.NONE), new SessionQueryService(database))
                .registerStoreMethods(registry);
        // Unix socket paths must stay short, so not under the (long) build directory.
        dir = Files.createTempDirectory(Path.of("/tmp"), "agentd-api");
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

    @Test
    void registersTheStoreOnlySessionMethods() {
        MethodRegistry registry = new MethodRegistry();
        new SessionRpcBindings(TestServices.sessions(database, SessionEvents.NONE), new SessionQueryService(database))
                .registerStoreMethods(registry);
        assertThat(registry.methods()).containsExactlyInAnyOrder("listSessions", "getSessionLeaves",
                "getSessionState", "getRecentPaths", "getConversation", "getSessionSnapshots", "archiveSession",
                "bulkArchiveSessions", "updateSessionTitle");
    }

    @Test
    void listsLeavesAndReadsTheConversationChain() throws IOException {
        assertThat(client.result("listSessions", null).get("sessions")).hasSize(2);
        JsonNode leaves = client.result("getSessionLeaves", Map.of("filter", "normal")).get("sessions");
        assertThat(leaves).hasSize(1);
        assertThat(leaves.get(0).get("id").asString()).isEqualTo("leaf");
        assertThat(leaves.get(0).get("parent_session_id").asString()).isEqualTo("root");

        JsonNode events = client.result("getConversation", Map.of("session_id", "leaf")).get("events");
        assertThat(events.findValuesAsString("content")).containsExactly("first", "second");
    }

    @Test
    void pagesTheConversationWithAgentdsParams() throws IOException {
        JsonNode first = client.result("getConversation", Map.of("session_id", "leaf", "limit", 1)).get("events");
        assertThat(first.findValuesAsString("content")).containsExactly("first");
        JsonNode next = client.result("getConversation", Map.of("session_id", "leaf", "limit", 1,
                "after_id", first.get(0).get("id").asLong())).get("events");
        assertThat(next.findValuesAsString("content")).containsExactly("second");

        assertError(client.call("getConversation", Map.of("session_id", "leaf", "after_id", 424242)), -32602,
                "after_id 424242 is not an event of this conversation");
        assertError(client.call("getConversation", Map.of("session_id", "leaf", "limit", -1)), -32602,
                "limit must not be negative");
        assertThat(client.call("getConversation", Map.of("session_id", "leaf", "limit", "ten")).get("error").get("code")
                .asInt()).isEqualTo(-32602);
    }

    @Test
    void missingRequiredParamsAreInvalidParams() throws IOException {
        assertError(client.call("getSessionState", Map.of()), -32602, "session_id is required");
        assertError(client.call("getConversation", null), -32602,
                "either session_id or claude_session_id is required");
        assertError(client.call("bulkArchiveSessions", Map.of("session_ids", List.of())), -32602,
                "session_ids is required and cannot be empty");
    }

    @Test
    void unknownSessionsAreInternalErrorsWithHldsMessages() throws IOException {
        assertError(client.call("getSessionState", Map.of("session_id", "nope")), -32603,
                "failed to get session: session not found: nope");
        assertError(client.call("archiveSession", Map.of("session_id", "nope", "archived", true)), -32603,
                "failed to archive session: session not found: nope");
    }

    @Test
    void updatesAnswerSuccessAndShowInLaterReads() throws IOException {
        assertThat(client.result("updateSessionTitle", Map.of("session_id", "leaf", "title", "T")).toString())
                .isEqualTo("{\"success\":true}");
        assertThat(client.result("bulkArchiveSessions", Map.of("session_ids", List.of("leaf", "x"), "archived", true))
                .toString()).isEqualTo("{\"success\":false,\"failed_sessions\":[\"x\"]}");

        JsonNode state = client.result("getSessionState", Map.of("session_id", "leaf")).get("session");
        assertThat(state.get("title").asString()).isEqualTo("T");
        assertThat(state.get("archived").asBoolean()).isTrue();
    }

    @Test
    void recentPathsNeedNoParams() throws IOException {
        assertThat(client.result("getRecentPaths", null).toString()).isEqualTo("{\"paths\":[]}");
    }

    private static void assertError(JsonNode response, int code, String message) {
        assertThat(response.has("result")).isFalse();
        assertThat(response.get("error").get("code").asInt()).isEqualTo(code);
        assertThat(response.get("error").get("message").asString()).isEqualTo(message);
    }
}
