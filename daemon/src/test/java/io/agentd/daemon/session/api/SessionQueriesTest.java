package io.agentd.daemon.session.api;

import static io.agentd.daemon.session.api.StoredSessions.T0;
import static io.agentd.daemon.session.api.StoredSessions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.error.ErrorKind;
import io.agentd.daemon.json.JsonMappers;
import io.agentd.protocol.session.SessionState;
import io.agentd.store.Database;
import io.agentd.store.DatabaseOptions;
import io.agentd.store.StoreException;
import io.agentd.store.denial.PermissionDenialRepository;
import io.agentd.store.denial.PermissionDenialRow;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.testing.TempDatabaseExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

@ExtendWith(TempDatabaseExtension.class)
class SessionQueriesTest {
    private StoredSessions store;
    private Database database;
    private SessionQueries queries;

    @BeforeEach
    void setUp(Database database) {
        this.database = database;
        store = new StoredSessions(database);
        queries = new SessionQueries(new SessionQueryService(database));
    }

    @Test
    void listIsAnEmptyArrayWhenThereAreNoSessions() {
        assertThat(JsonMappers.daemon().writeValueAsString(queries.listSessions())).isEqualTo("{\"sessions\":[]}");
    }

    @Test
    void infoCarriesHldFieldsTokensAndNanoTimesButNoProxyKey() {
        store.insert(StoredSessions.full("s1"));

        JsonNode info = json(queries.listSessions()).get("sessions").get(0);

        assertThat(info.propertyNames()).containsExactly("id", "run_id", "claude_session_id", "status", "start_time",
                "end_time", "last_activity_at", "error", "query", "summary", "title", "model", "model_id",
                "working_dir", "result", "auto_accept_edits", "dangerously_skip_permissions",
                "dangerously_skip_permissions_expires_at", "archived", "editor_state", "proxy_enabled",
                "proxy_base_url", "proxy_model_override", "input_tokens", "output_tokens",
                "cache_creation_input_tokens", "cache_read_input_tokens", "effective_context_tokens",
                "context_window", "cost_usd");
        assertThat(info.get("start_time").asString()).isEqualTo("2026-11-22T04:30:22.12Z");
        assertThat(info.get("end_time").asString()).isEqualTo("2026-11-22T04:31:23.12Z");
        assertThat(info.get("status").asString()).isEqualTo("failed");
        assertThat(info.get("error").asString()).isEqualTo("boom");
        assertThat(info.get("context_window").asLong()).isEqualTo(200_000);
        assertThat(info.toString()).doesNotContain("secret-key").doesNotContain("proxy_api_key");
    }

    @Test
    void infoResultHasClaudesShape() {
        store.insert(StoredSessions.full("s1"));

        JsonNode result = json(queries.listSessions()).get("sessions").get(0).get("result");

        assertThat(result.toString()).isEqualTo("{\"type\":\"result\",\"subtype\":\"session_completed\","
                + "\"total_cost_usd\":0.25,\"is_error\":true,\"duration_ms\":61000,\"duration_api_ms\":40000,"
                + "\"num_turns\":3,\"result\":\"done\",\"session_id\":\"claude-s1\",\"error\":\"boom\"}");
    }

    @Test
    void bareInfoOmitsEmptyFieldsButKeepsBooleansAndStrings() {
        store.insert(StoredSessions.bare("s1", null, T0));

        JsonNode info = json(queries.listSessions()).get("sessions").get(0);

        assertThat(info.propertyNames()).containsExactly("id", "run_id", "status", "start_time", "last_activity_at",
                "query", "summary", "title", "auto_accept_edits", "dangerously_skip_permissions", "archived",
                "proxy_enabled");
        assertThat(info.get("title").asString()).isEmpty();
        assertThat(info.get("archived").asBoolean()).isFalse();
    }

    @Test
    void listIsMostRecentlyActiveFirst() {
        store.insert(StoredSessions.bare("old", null, T0));
        store.insert(StoredSessions.bare("new", null, T0.plusSeconds(5)));

        assertThat(ids(queries.listSessions())).containsExactly("new", "old");
    }

    @Test
    void aListLongerThanOneHandedOverChunkKeepsItsOrder() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            store.insert(StoredSessions.bare("s" + i, null, T0.plusSeconds(i)));
            expected.addFirst("s" + i);
        }

        assertThat(ids(queries.listSessions())).isEqualTo(expected);
    }

    @Test
    void aClosedStoreIsAnErrorBeforeAnythingIsWritten(@TempDir Path dir) {
        Database closed = Database.open(DatabaseOptions.defaults(dir.resolve("agentd.db")));
        closed.close();

        assertThatThrownBy(() -> new SessionQueries(new SessionQueryService(closed)).listSessions()).isInstanceOf(StoreException.class);
    }

    @Test
    void leavesSkipContinuedSessionsAndApplyTheFilter() {
        store.insert(StoredSessions.withStatus("parent", SessionStatus.COMPLETED, false, null, T0));
        store.insert(StoredSessions.withStatus("child", SessionStatus.COMPLETED, false, "parent", T0.plusSeconds(1)));
        store.insert(StoredSessions.withStatus("archived", SessionStatus.COMPLETED, true, null, T0.plusSeconds(2)));
        store.insert(StoredSessions.withStatus("draft", SessionStatus.DRAFT, false, null, T0.plusSeconds(3)));
        store.insert(StoredSessions.withStatus("discarded", SessionStatus.DISCARDED, false, null, T0.plusSeconds(4)));

        assertThat(leaves(null)).containsExactly("discarded", "draft", "archived", "child");
        assertThat(leaves("")).containsExactly("discarded", "draft", "archived", "child");
        assertThat(leaves("normal")).containsExactly("discarded", "child");
        assertThat(leaves("archived")).containsExactly("archived");
        assertThat(leaves("draft")).containsExactly("draft");
        assertThat(leaves("bogus")).hasSize(4);
    }

    private List<String> leaves(String filter) {
        return ids(queries.sessionLeaves(new SessionQueries.LeavesParams(filter)));
    }

    private static List<String> ids(SessionsResult result) {
        List<String> ids = new ArrayList<>();
        json(result).get("sessions").forEach(s -> ids.add(s.get("id").asString()));
        return ids;
    }

    @Test
    void stateHasHldFieldsSecondTimesAndAgentdExtras() {
        store.insert(StoredSessions.full("s1"));

        JsonNode state = json(queries.sessionState(new SessionIdParams("s1")));

        assertThat(state.propertyNames()).containsExactly("session");
        JsonNode s = state.get("session");
        assertThat(s.propertyNames()).containsExactly("id", "run_id", "claude_session_id", "status", "query",
                "summary", "title", "model", "model_id", "working_dir", "created_at", "last_activity_at",
                "completed_at", "error_message", "cost_usd", "input_tokens", "output_tokens",
                "cache_creation_input_tokens", "cache_read_input_tokens", "effective_context_tokens",
                "context_limit", "duration_ms", "auto_accept_edits", "dangerously_skip_permissions",
                "dangerously_skip_permissions_expires_at", "archived", "context_window", "duration_api_ms",
                "num_turns", "result", "permission_denials");
        assertThat(s.get("created_at").asString()).isEqualTo("2026-11-22T04:30:22Z");
        assertThat(s.get("dangerously_skip_permissions_expires_at").asString()).isEqualTo("2026-11-22T05:30:22Z");
        assertThat(s.get("context_limit").asLong()).isEqualTo(200_000);
        assertThat(s.get("result").asString()).isEqualTo("done");
        assertThat(s.get("num_turns").asInt()).isEqualTo(3);
    }

    @Test
    void bareStateUsesTheDefaultContextLimitAndOmitsEmptyFields() {
        store.insert(StoredSessions.bare("s1", null, T0));

        JsonNode s = json(queries.sessionState(new SessionIdParams("s1"))).get("session");

        assertThat(s.propertyNames()).containsExactly("id", "run_id", "status", "query", "summary", "title",
                "created_at", "last_activity_at", "context_limit", "auto_accept_edits",
                "dangerously_skip_permissions", "archived", "permission_denials");
        assertThat(s.get("context_limit").asLong()).isEqualTo(SessionState.DEFAULT_CONTEXT_LIMIT);
        assertThat(s.get("permission_denials").toString()).as("always sent").isEqualTo("[]");
    }

    @Test
    void stateListsTheToolsClaudeRefusedInItsOrder() {
        store.insert(StoredSessions.full("s1"));
        database.write(tx -> {
            new PermissionDenialRepository().replace(tx.connection(), "s1", List.of(
                    new PermissionDenialRow("Write", "toolu_1", "{\"file_path\":\"/w.txt\",\"content\":\"x\"}"),
                    new PermissionDenialRow("Bash", "", "null")));
            return null;
        });

        JsonNode s = json(queries.sessionState(new SessionIdParams("s1"))).get("session");

        assertThat(s.get("permission_denials").toString()).isEqualTo("[{\"tool_name\":\"Write\",\"tool_use_id\":"
                + "\"toolu_1\",\"tool_input\":{\"file_path\":\"/w.txt\",\"content\":\"x\"}},"
                + "{\"tool_name\":\"Bash\",\"tool_use_id\":\"\",\"tool_input\":null}]");
    }

    @Test
    void stateOfAnUnknownSessionIsNotFound() {
        assertThatThrownBy(() -> queries.sessionState(new SessionIdParams("nope")))
                .isInstanceOfSatisfying(AgentdException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessage("failed to get session: session not found: nope");
    }

    @Test
    void sessionIdIsRequired() {
        assertThatThrownBy(() -> new SessionIdParams(null)).isInstanceOfSatisfying(AgentdException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMS)).hasMessage("session_id is required");
        assertThatThrownBy(() -> new SessionIdParams("")).hasMessage("session_id is required");
    }

    @Test
    void recentPathsGroupByDirectoryNewestFirstInSeconds() {
        store.insert(StoredSessions.withWorkingDir("a", "/a", T0));
        store.insert(StoredSessions.withWorkingDir("b", "/b", T0.plusSeconds(10)));
        store.insert(StoredSessions.withWorkingDir("a2", "/a", T0.plusSeconds(20)));
        store.insert(StoredSessions.withWorkingDir("dot", ".", T0.plusSeconds(30)));
        store.insert(StoredSessions.withWorkingDir("empty", "", T0.plusSeconds(40)));

        JsonNode paths = json(queries.recentPaths(new SessionQueries.RecentPathsParams(null)));

        assertThat(paths.toString()).isEqualTo("{\"paths\":["
                + "{\"path\":\"/a\",\"last_used\":\"2026-11-22T04:30:42Z\",\"usage_count\":2},"
                + "{\"path\":\"/b\",\"last_used\":\"2026-11-22T04:30:32Z\",\"usage_count\":1}]}");
    }

    @Test
    void recentPathsHonourTheLimitAndDefaultNonPositiveToTwenty() {
        for (int i = 0; i < 25; i++) {
            store.insert(StoredSessions.withWorkingDir("s" + i, "/p" + i, T0.plusSeconds(i)));
        }

        assertThat(queries.recentPaths(new SessionQueries.RecentPathsParams(3)).paths())
                .extracting(RecentPathView::path).containsExactly("/p24", "/p23", "/p22");
        assertThat(queries.recentPaths(new SessionQueries.RecentPathsParams(0)).paths()).hasSize(20);
        assertThat(queries.recentPaths(new SessionQueries.RecentPathsParams(-1)).paths()).hasSize(20);
        assertThat(queries.recentPaths(new SessionQueries.RecentPathsParams(null)).paths()).hasSize(20);
    }
}
