package io.agentd.daemon.session.api;

import static io.agentd.daemon.session.api.StoredSessions.T0;
import static io.agentd.daemon.session.api.StoredSessions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.error.ErrorKind;
import io.agentd.daemon.json.JsonMappers;
import io.agentd.protocol.session.ConversationEvent;
import io.agentd.store.Database;
import io.agentd.store.DatabaseOptions;
import io.agentd.store.StoreException;
import io.agentd.store.conversation.ConversationEventRow;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.conversation.EventType;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.testing.TempDatabaseExtension;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonGenerator;
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
        queries = new ConversationQueries(new SessionQueryService(database));
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

    /** Pages small enough that every test conversation spans several, read two at a time. */
    private static final ConversationPages.PageSizing TINY = new ConversationPages.PageSizing(2, 3, 1 << 20, 2);

    private void chainOfThree() {
        store.insert(StoredSessions.withStatus("root", SessionStatus.COMPLETED, false, null, T0));
        store.insert(StoredSessions.withStatus("mid", SessionStatus.COMPLETED, false, "root", T0.plusSeconds(1)));
        store.insert(StoredSessions.withStatus("leaf", SessionStatus.RUNNING, false, "mid", T0.plusSeconds(2)));
        for (int i = 1; i <= 7; i++) {
            store.message("root", "claude-root", "user", "root " + i, T0);
        }
        store.message("mid", "claude-mid", "user", "mid 1", T0);
        for (int i = 1; i <= 5; i++) {
            store.message("leaf", "claude-leaf", "user", "leaf " + i, T0);
        }
    }

    private static List<String> all() {
        List<String> all = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            all.add("root " + i);
        }
        all.add("mid 1");
        for (int i = 1; i <= 5; i++) {
            all.add("leaf " + i);
        }
        return all;
    }

    @Test
    void aLongConversationIsWrittenPageByPageInOrder() {
        chainOfThree();
        queries = new ConversationQueries(new SessionQueryService(database, TINY));

        assertThat(contents(new ConversationQueries.ConversationParams("leaf", null))).isEqualTo(all());
        assertThat(contents(new ConversationQueries.ConversationParams(null, "claude-root"))).isEqualTo(all().subList(0, 7));
    }

    @Test
    void afterIdAndLimitPageThroughTheWholeChain() {
        chainOfThree();
        for (ConversationPages.PageSizing sizing : List.of(TINY, ConversationPages.PageSizing.DEFAULT)) {
            queries = new ConversationQueries(new SessionQueryService(database, sizing));
            List<String> seen = new ArrayList<>();
            Long after = null;
            while (true) {
                JsonNode page = json(queries.conversation(new ConversationQueries.ConversationParams("leaf", null, after, 4)))
                        .get("events");
                page.forEach(e -> seen.add(e.get("content").asString()));
                if (page.size() < 4) {
                    break;
                }
                after = page.get(3).get("id").asLong();
            }
            assertThat(seen).isEqualTo(all());
        }
    }

    @Test
    void aPageHasTheEventsShape() {
        chainOfThree();
        JsonNode whole = json(queries.conversation(new ConversationQueries.ConversationParams("leaf", null))).get("events");
        long afterId = whole.get(5).get("id").asLong();

        JsonNode page = json(queries.conversation(new ConversationQueries.ConversationParams("leaf", null, afterId, 3)));

        assertThat(page.propertyNames()).containsExactly("events");
        assertThat(page.get("events")).containsExactly(whole.get(6), whole.get(7), whole.get(8));
    }

    @Test
    void zeroCountsAsAbsentAndNegativeIsRefused() {
        chainOfThree();

        assertThat(contents(new ConversationQueries.ConversationParams("leaf", null, 0L, 0))).isEqualTo(all());
        assertThatThrownBy(() -> new ConversationQueries.ConversationParams("leaf", null, -1L, null))
                .isInstanceOfSatisfying(AgentdException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMS))
                .hasMessage("after_id must not be negative");
        assertThatThrownBy(() -> new ConversationQueries.ConversationParams("leaf", null, null, -5))
                .isInstanceOfSatisfying(AgentdException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMS))
                .hasMessage("limit must not be negative");
    }

    @Test
    void afterIdMustBeAnEventOfThisConversation() {
        chainOfThree();
        store.insert(StoredSessions.bare("other", null, T0));
        store.message("other", null, "user", "elsewhere", T0);
        long otherId = json(queries.conversation(new ConversationQueries.ConversationParams("other", null)))
                .get("events").get(0).get("id").asLong();
        long rootId = json(queries.conversation(new ConversationQueries.ConversationParams("root", null)))
                .get("events").get(0).get("id").asLong();

        for (long id : new long[] {otherId, 999_999}) {
            assertThatThrownBy(() -> queries.conversation(new ConversationQueries.ConversationParams("leaf", null, id, null)))
                    .isInstanceOfSatisfying(AgentdException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMS))
                    .hasMessage("after_id " + id + " is not an event of this conversation");
        }
        // An ancestor's event is part of the leaf's conversation, but not of the Claude conversation of the leaf.
        assertThat(contents(new ConversationQueries.ConversationParams("leaf", null, rootId, 1))).containsExactly("root 2");
        assertThatThrownBy(() -> queries.conversation(new ConversationQueries.ConversationParams(null, "claude-leaf",
                rootId, null))).isInstanceOf(AgentdException.class);
    }

    @Test
    void eventsStoredAfterTheRequestArrivedAreLeftOut() {
        chainOfThree();
        queries = new ConversationQueries(new SessionQueryService(database, TINY));
        ConversationResult result = queries.conversation(new ConversationQueries.ConversationParams("leaf", null));

        store.message("leaf", "claude-leaf", "user", "late", T0);

        assertThat(contentsOf(result)).isEqualTo(all());
    }

    @Test
    void aStoreFailureBetweenPagesComesOutOfWriting(@TempDir Path dir) {
        try (Database own = Database.open(DatabaseOptions.defaults(dir.resolve("agentd.db")))) {
            StoredSessions ownStore = new StoredSessions(own);
            ownStore.insert(StoredSessions.bare("s1", null, T0));
            for (int i = 0; i < 10; i++) {
                ownStore.message("s1", null, "user", "m" + i, T0);
            }
            ConversationResult result = new ConversationQueries(new SessionQueryService(own, TINY))
                    .conversation(new ConversationQueries.ConversationParams("s1", null));
            own.close();

            assertThatThrownBy(() -> result.writeTo(JsonMappers.daemon().createGenerator(new StringWriter())))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CLOSED));
        }
    }

    @Test
    void pagesShrinkWhenEventsCarryMuchText() {
        ConversationPages.PageSizing sizing = new ConversationPages.PageSizing(10, 1_000, 100_000, 2);
        ConversationEventRow big = new ConversationEventRow(1, "s", null, 1, EventType.TOOL_RESULT, T0, "user", null,
                null, null, null, "toolu_1", "x".repeat(10_000), false, null, null, null);
        ConversationEventRow small = new ConversationEventRow(2, "s", null, 2, EventType.MESSAGE, T0, "user", "hi",
                null, null, null, null, null, false, null, null, null);

        assertThat(sizing.eventsAfter(List.of(big, big), 10)).isEqualTo(10);
        assertThat(sizing.eventsAfter(List.of(small), 10)).isEqualTo(1_000);
        assertThat(sizing.eventsAfter(List.of(), 7)).isEqualTo(7);
        assertThat(sizing.eventsAfter(List.of(withText(1_000_000)), 10)).isEqualTo(1);
    }

    private static ConversationEventRow withText(int chars) {
        return new ConversationEventRow(3, "s", null, 3, EventType.MESSAGE, T0, "user", "y".repeat(chars), null, null,
                null, null, null, false, null, null, null);
    }

    @Test
    void anEventIsWrittenExactlyAsTheMapperWritesItsView() {
        ConversationEventRow bare = new ConversationEventRow(1, "s", null, 1, EventType.MESSAGE, T0, null, null, null,
                null, null, null, null, false, null, null, null);
        ConversationEventRow full = new ConversationEventRow(Long.MAX_VALUE, "s\"1", "claude", 2, EventType.TOOL_CALL,
                T0.plusMillis(999), "assistant", "quote \" newline \n ünï 😀 \u0001", "toolu_1", "Write",
                "{\"file_path\":\"/x\"}", "toolu_0", "result </script>", true, "approved", "local-1", "toolu_p");
        ConversationEventRow empty = new ConversationEventRow(3, "s", "", 3, EventType.THINKING, T0, "", "", "", "", "",
                "", "", false, "", "", "");
        for (ConversationEventRow row : List.of(bare, full, empty)) {
            ConversationEvent view = SessionWire.event(row);
            StringWriter written = new StringWriter();
            try (JsonGenerator generator = JsonMappers.daemon().createGenerator(written)) {
                view.writeTo(generator);
            }
            assertThat(written.toString()).isEqualTo(JsonMappers.daemon().writeValueAsString(view));
        }
    }

    private List<String> contents(ConversationQueries.ConversationParams params) {
        return contentsOf(queries.conversation(params));
    }

    private static List<String> contentsOf(ConversationResult result) {
        List<String> contents = new ArrayList<>();
        json(result).get("events").forEach(e -> contents.add(e.path("content").asString()));
        return contents;
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
