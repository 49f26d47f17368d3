package io.agentd.daemon.session.api;

import static io.agentd.daemon.session.api.StoredSessions.T0;
import static io.agentd.daemon.session.api.StoredSessions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.error.ErrorKind;
import io.agentd.daemon.json.JsonMappers;
import io.agentd.store.Database;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.testing.TempDatabaseExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

@ExtendWith(TempDatabaseExtension.class)
class ConversationQueriesTest {
    private Database database;
    private StoredSessions store;
    private ConversationQueries queries;

    @BeforeEach
    void setUp(Database database) {
        this.database = database;
        store = new StoredSessions(database);
        queries = new ConversationQueries(database);
    }

    @Test
    void bySessionIdCoversTheWholeChainAncestorsFirst() {
        store.insert(StoredSessions.withStatus("root", SessionStatus.COMPLETED, false, null, T0));
        store.insert(StoredSessions.withStatus("mid", SessionStatus.COMPLETED, false, "root", T0.plusSeconds(1)));
        store.insert(StoredSessions.withStatus("leaf", SessionStatus.RUNNING, false, "mid", T0.plusSeconds(2)));
        // Written newest session first, so the order must come from the chain, not from insertion.
        store.message("leaf", "claude-leaf", "user", "leaf 1", T0.plusSeconds(2));
        store.message("mid", "claude-mid", "user", "mid 1", T0.plusSeconds(1));
        store.message("root", "claude-root", "user", "root 1", T0);
        store.message("root", "claude-root", "assistant", "root 2", T0);

        assertThat(contents(new ConversationQueries.ConversationParams("leaf", null)))
                .containsExactly("root 1", "root 2", "mid 1", "leaf 1");
        assertThat(contents(new ConversationQueries.ConversationParams("mid", null)))
                .containsExactly("root 1", "root 2", "mid 1");
    }

    @Test
    void byClaudeSessionIdCoversOnlyThatSessionAndWins() {
        store.insert(StoredSessions.withStatus("root", SessionStatus.COMPLETED, false, null, T0));
        store.insert(StoredSessions.withStatus("leaf", SessionStatus.RUNNING, false, "root", T0.plusSeconds(1)));
        store.message("root", "claude-root", "user", "root 1", T0);
        store.message("leaf", "claude-leaf", "user", "leaf 1", T0);

        assertThat(contents(new ConversationQueries.ConversationParams("root", "claude-leaf")))
                .containsExactly("leaf 1");
        assertThat(contents(new ConversationQueries.ConversationParams(null, "claude-unknown"))).isEmpty();
    }

    private List<String> contents(ConversationQueries.ConversationParams params) {
        return queries.conversation(params).events().stream().map(ConversationEventView::content).toList();
    }

    @Test
    void eventsHaveHldShapeWithSecondTimes() {
        store.insert(StoredSessions.bare("s1", null, T0));
        store.message("s1", null, "user", "hello", T0);
        store.toolCall("s1", "tool-1", "{\"file_path\":\"/x\"}", T0.plusMillis(1500));
        database.write(tx -> new ConversationRepository().linkApproval(tx.connection(), "s1", "tool-1", "local-1",
                "pending"));

        JsonNode events = json(queries.conversation(new ConversationQueries.ConversationParams("s1", null)))
                .get("events");

        JsonNode message = events.get(0);
        assertThat(message.propertyNames()).containsExactly("id", "session_id", "claude_session_id", "sequence",
                "event_type", "created_at", "role", "content", "is_completed");
        assertThat(message.get("claude_session_id").asString()).isEmpty();
        assertThat(message.get("created_at").asString()).isEqualTo("2026-11-22T04:30:22Z");
        JsonNode call = events.get(1);
        assertThat(call.propertyNames()).containsExactly("id", "session_id", "claude_session_id", "sequence",
                "event_type", "created_at", "role", "tool_id", "tool_name", "tool_input_json", "parent_tool_use_id",
                "is_completed", "approval_status", "approval_id");
        assertThat(call.get("event_type").asString()).isEqualTo("tool_call");
        assertThat(call.get("tool_input_json").asString()).isEqualTo("{\"file_path\":\"/x\"}");
        assertThat(call.get("sequence").asLong()).isEqualTo(2);
        assertThat(call.get("created_at").asString()).isEqualTo("2026-11-22T04:30:23Z");
        assertThat(call.get("approval_status").asString()).isEqualTo("pending");
    }

    @Test
    void anEmptyConversationIsAnEmptyArray() {
        store.insert(StoredSessions.bare("s1", null, T0));

        assertThat(JsonMappers.daemon().writeValueAsString(
                queries.conversation(new ConversationQueries.ConversationParams("s1", null))))
                .isEqualTo("{\"events\":[]}");
    }

    @Test
    void anUnknownSessionIsNotFound() {
        assertThatThrownBy(() -> queries.conversation(new ConversationQueries.ConversationParams("nope", null)))
                .isInstanceOfSatisfying(AgentdException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessage("failed to get conversation: session not found: nope");
    }

    @Test
    void oneOfTheIdsIsRequired() {
        assertThatThrownBy(() -> new ConversationQueries.ConversationParams("", null))
                .isInstanceOfSatisfying(AgentdException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMS))
                .hasMessage("either session_id or claude_session_id is required");
    }

    @Test
    void snapshotsAreNewestFirstWithSecondTimes() {
        store.insert(StoredSessions.bare("s1", null, T0));
        store.snapshot("s1", "t1", "/a", T0);
        store.snapshot("s1", "t2", "/b", T0.plusSeconds(5));

        assertThat(json(queries.snapshots(new SessionIdParams("s1"))).toString()).isEqualTo("{\"snapshots\":["
                + "{\"tool_id\":\"t2\",\"file_path\":\"/b\",\"content\":\"text\","
                + "\"created_at\":\"2026-11-22T04:30:27Z\"},"
                + "{\"tool_id\":\"t1\",\"file_path\":\"/a\",\"content\":\"text\","
                + "\"created_at\":\"2026-11-22T04:30:22Z\"}]}");
    }

    @Test
    void snapshotsOfAnExistingSessionWithoutAnyAreAnEmptyArray() {
        store.insert(StoredSessions.bare("s1", null, T0));

        assertThat(json(queries.snapshots(new SessionIdParams("s1"))).toString()).isEqualTo("{\"snapshots\":[]}");
    }

    @Test
    void snapshotsOfAnUnknownSessionAreNotFound() {
        assertThatThrownBy(() -> queries.snapshots(new SessionIdParams("nope")))
                .isInstanceOfSatisfying(AgentdException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessage("failed to get session: session not found: nope");
    }
}
