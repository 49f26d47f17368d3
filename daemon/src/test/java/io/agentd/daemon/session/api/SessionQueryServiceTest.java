package io.agentd.daemon.session.api;

import static io.agentd.daemon.session.api.StoredSessions.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.error.ErrorKind;
import io.agentd.store.Database;
import io.agentd.store.conversation.ConversationEventRow;
import io.agentd.store.session.LeafFilter;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.testing.TempDatabaseExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The read-only session use cases on a real temp database, as records rather than wire JSON. */
@ExtendWith(TempDatabaseExtension.class)
class SessionQueryServiceTest {
    /** Pages of two events, one read ahead: every page boundary and the read-ahead get exercised. */
    private static final ConversationPages.PageSizing TINY = new ConversationPages.PageSizing(2, 2, 1 << 20, 1);

    private StoredSessions store;
    private SessionQueryService service;

    @BeforeEach
    void setUp(Database database) {
        store = new StoredSessions(database);
        store.insert(StoredSessions.withStatus("root", SessionStatus.COMPLETED, false, null, T0));
        store.insert(StoredSessions.withStatus("leaf", SessionStatus.RUNNING, false, "root", T0.plusSeconds(1)));
        store.insert(StoredSessions.withStatus("old", SessionStatus.FAILED, true, null, T0.minusSeconds(5)));
        for (int i = 1; i <= 3; i++) {
            store.message("root", "claude-root", "user", "root " + i, T0.plusMillis(i));
        }
        for (int i = 1; i <= 2; i++) {
            store.message("leaf", "claude-leaf", "assistant", "leaf " + i, T0.plusSeconds(1).plusMillis(i));
        }
        service = new SessionQueryService(database, TINY);
    }

    private static <T> List<T> drain(RowStream<T> rows) {
        List<T> all = new ArrayList<>();
        for (List<T> chunk = rows.next(); !chunk.isEmpty(); chunk = rows.next()) {
            all.addAll(chunk);
        }
        return all;
    }

    private static List<List<String>> pages(ConversationPages pages) {
        List<List<String>> all = new ArrayList<>();
        for (List<ConversationEventRow> page = pages.next(); !page.isEmpty(); page = pages.next()) {
            all.add(page.stream().map(ConversationEventRow::content).toList());
        }
        return all;
    }

    @Test
    void listStreamsEverySessionMostRecentFirst() {
        assertThat(drain(service.list()).stream().map(SessionRow::id)).containsExactly("leaf", "root", "old");
    }

    @Test
    void leavesSkipContinuedSessionsAndFilter() {
        assertThat(drain(service.leaves(LeafFilter.fromWire(null))).stream().map(SessionRow::id))
                .containsExactly("leaf", "old");
        assertThat(drain(service.leaves(LeafFilter.fromWire("archived"))).stream().map(SessionRow::id))
                .containsExactly("old");
    }

    @Test
    void stateIsTheStoredRowOrNotFound() {
        assertThat(service.state("root").status()).isEqualTo(SessionStatus.COMPLETED);
        assertThatThrownBy(() -> service.state("nope"))
                .isInstanceOfSatisfying(AgentdException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessage("failed to get session: session not found: nope");
    }

    @Test
    void aSessionsConversationIsItsWholeChainInPages() {
        assertThat(pages(service.conversation(new ConversationQuery("leaf", null, null, null))))
                .containsExactly(List.of("root 1", "root 2"), List.of("root 3"), List.of("leaf 1", "leaf 2"));
    }

    @Test
    void aClaudeSessionsConversationIsThatConversationOnly() {
        assertThat(pages(service.conversation(new ConversationQuery("root", "claude-leaf", null, null))))
                .containsExactly(List.of("leaf 1", "leaf 2"));
        assertThat(pages(service.conversation(new ConversationQuery(null, "claude-unknown", null, null)))).isEmpty();
    }

    @Test
    void aLimitStopsThePagesWhereverItFalls() {
        assertThat(pages(service.conversation(new ConversationQuery("leaf", null, null, 3))))
                .containsExactly(List.of("root 1", "root 2"), List.of("root 3"));
        assertThat(pages(service.conversation(new ConversationQuery("leaf", null, null, 1))))
                .containsExactly(List.of("root 1"));
    }

    @Test
    void anUnknownSessionIsFoundOutBeforeAnyPage() {
        assertThatThrownBy(() -> service.conversation(new ConversationQuery("nope", null, null, null)))
                .isInstanceOfSatisfying(AgentdException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessage("failed to get conversation: session not found: nope");
    }

    @Test
    void snapshotsAreNewestFirstAndNeedAKnownSession() {
        store.snapshot("root", "t1", "a.txt", T0);
        store.snapshot("root", "t2", "b.txt", T0.plusSeconds(1));
        assertThat(service.snapshots("root").stream().map(s -> s.filePath())).containsExactly("b.txt", "a.txt");
        assertThat(service.snapshots("leaf")).isEmpty();
        assertThatThrownBy(() -> service.snapshots("nope")).hasMessage("failed to get session: session not found: nope");
    }

    @Test
    void recentPathsDefaultToTwentyWhenTheLimitMeansNothing() {
        for (int i = 0; i < 25; i++) {
            store.insert(StoredSessions.withWorkingDir("w" + i, "/w/" + i, T0.plusSeconds(10 + i)));
        }
        assertThat(service.recentPaths(null)).hasSize(20);
        assertThat(service.recentPaths(0)).hasSize(20);
        assertThat(service.recentPaths(2)).hasSize(2);
        assertThat(service.recentPaths(2).getFirst().path()).isEqualTo("/w/24");
    }
}
