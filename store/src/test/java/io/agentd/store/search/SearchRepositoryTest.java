package io.agentd.store.search;

import io.agentd.store.Database;
import io.agentd.store.DatabaseOptions;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.conversation.EventType;
import io.agentd.store.conversation.NewConversationEvent;
import io.agentd.store.jdbc.Sql;
import io.agentd.store.migration.MigrationRunner;
import io.agentd.store.migration.Migrations;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.testing.Sessions;
import io.agentd.store.testing.TempDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(TempDatabaseExtension.class)
class SearchRepositoryTest {
    private final SessionRepository sessions = new SessionRepository();
    private final ConversationRepository events = new ConversationRepository();
    private final SearchRepository search = new SearchRepository();

    @Test
    void findsAWordOfTheConversationWithItsSnippet(Database db) {
        SessionRow s = insert(db, Sessions.newSession("fix the build"));
        append(db, message(s.id(), "The flaky test was caused by a race in the scheduler"));
        insert(db, Sessions.newSession("unrelated"));

        SearchHit hit = search(db, "scheduler").getFirst();
        assertThat(search(db, "scheduler")).hasSize(1);
        assertThat(hit.session().id()).isEqualTo(s.id());
        assertThat(hit.field()).isEqualTo(SearchField.MESSAGE);
        assertThat(hit.rank()).isNegative();
        SearchSnippet.Highlight h = hit.snippet().highlights().getFirst();
        assertThat(hit.snippet().text().substring(h.start(), h.end())).isEqualTo("scheduler");
        assertThat(hit.snippet().text()).doesNotContain("\uFDD0", "\uFDD1");
    }

    @Test
    void searchesToolNamesPathsAndResults(Database db) {
        SessionRow s = insert(db, Sessions.newSession("edit things"));
        append(db, new NewConversationEvent(s.id(), "c", EventType.TOOL_CALL, Instant.now(), "assistant", null,
                "toolu_1", "NotebookEdit", "{\"notebook_path\":\"/work/analysis/Quarterly.ipynb\"}", null, null, null));
        append(db, new NewConversationEvent(s.id(), "c", EventType.TOOL_RESULT, Instant.now(), "user", null, null,
                null, null, "toolu_1", "cell replaced: xylophone", null));
        append(db, new NewConversationEvent(s.id(), "c", EventType.TOOL_CALL, Instant.now(), "assistant", null,
                "toolu_2", "Bash", "not json at all", null, null, null));

        assertThat(search(db, "notebookedit").getFirst().field()).isEqualTo(SearchField.TOOL);
        assertThat(search(db, "Quarterly.ipynb").getFirst().field()).isEqualTo(SearchField.PATH);
        assertThat(search(db, "/work/analysis").getFirst().field()).isEqualTo(SearchField.PATH);
        assertThat(search(db, "xylophone").getFirst().field()).isEqualTo(SearchField.RESULT);
        assertThat(search(db, "json")).isEmpty();
    }

    @Test
    void keepsTitlesInStepAndRanksTitleMatchesFirst(Database db) {
        SessionRow titled = insert(db, Sessions.newSession("q1"));
        SessionRow talked = insert(db, Sessions.newSession("q2"));
        append(db, message(talked.id(), "we talked about the zeppelin once, among many other words here"));
        db.write(tx -> sessions.setTitle(tx.connection(), titled.id(), "Zeppelin rollout"));

        List<SearchHit> hits = search(db, "zeppelin");
        assertThat(hits).extracting(h -> h.session().id()).containsExactly(titled.id(), talked.id());
        assertThat(hits.getFirst().field()).isEqualTo(SearchField.TITLE);
        assertThat(hits.getFirst().session().title()).isEqualTo("Zeppelin rollout");

        db.write(tx -> sessions.setTitle(tx.connection(), titled.id(), "something else"));
        assertThat(search(db, "zeppelin")).extracting(h -> h.session().id()).containsExactly(talked.id());
        assertThat(search(db, "something")).extracting(h -> h.session().id()).containsExactly(titled.id());
        assertThat(search(db, "q1").getFirst().field()).isEqualTo(SearchField.QUERY);
        integrityCheck(db);
    }

    @Test
    void breaksTiesByRecentActivity(Database db) {
        SessionRow old = insert(db, Sessions.newSession("same words", null, Instant.parse("2026-01-01T00:00:00Z")));
        SessionRow recent = insert(db, Sessions.newSession("same words", null, Instant.parse("2026-06-01T00:00:00Z")));
        assertThat(search(db, "same words")).extracting(h -> h.session().id()).containsExactly(recent.id(), old.id());
    }

    @Test
    void forgetsDeletedRowsAndUpdatedText(Database db) {
        SessionRow s = insert(db, Sessions.newSession("to be deleted"));
        append(db, message(s.id(), "ephemeral marmalade"));
        assertThat(search(db, "marmalade")).hasSize(1);

        db.write(tx -> Sql.update(tx.connection(), "UPDATE conversation_events SET content = 'lasting jam' WHERE session_id = ?",
                s.id()));
        assertThat(search(db, "marmalade")).isEmpty();
        assertThat(search(db, "jam")).hasSize(1);
        integrityCheck(db);

        db.write(tx -> {
            Sql.update(tx.connection(), "DELETE FROM conversation_events WHERE session_id = ?", s.id());
            return Sql.update(tx.connection(), "DELETE FROM sessions WHERE id = ?", s.id());
        });
        assertThat(search(db, "jam")).isEmpty();
        assertThat(search(db, "deleted")).isEmpty();
        assertThat(db.<Long>read(c -> Sql.count(c, "SELECT count(*) FROM session_search"))).isZero();
        integrityCheck(db);
    }

    @Test
    void aRolledBackWriteLeavesNothingInTheIndex(Database db) {
        SessionRow s = insert(db, Sessions.newSession("kept"));
        assertThatThrownBy(() -> db.write(tx -> {
            events.append(tx.connection(), message(s.id(), "vanishing quokka"));
            throw new IllegalStateException("abandon the batch");
        })).hasMessageContaining("abandon");
        assertThat(search(db, "quokka")).isEmpty();
        integrityCheck(db);
    }

    @Test
    void leavesOutArchivedDraftAndDiscardedSessionsUnlessAsked(Database db) {
        SessionRow archived = insert(db, Sessions.newSession("walrus archived"));
        db.write(tx -> sessions.setArchived(tx.connection(), archived.id(), true));
        SessionRow draft = insert(db, Sessions.newSession("walrus draft"));
        db.write(tx -> Sql.update(tx.connection(), "UPDATE sessions SET status = ? WHERE id = ?", SessionStatus.DRAFT,
                draft.id()));
        SessionRow parent = insert(db, Sessions.newSession("walrus parent"));
        SessionRow child = insert(db, Sessions.newSession("walrus child", parent.id(), Instant.now()));

        assertThat(search(db, "walrus")).extracting(h -> h.session().id()).containsExactlyInAnyOrder(parent.id(), child.id());
        assertThat(db.<List<SearchHit>>read(c -> search.search(c, new SearchCriteria(FtsQuery.parse("walrus"), 10, true, false))))
                .extracting(h -> h.session().id()).containsExactlyInAnyOrder(archived.id(), parent.id(), child.id());
        assertThat(db.<List<SearchHit>>read(c -> search.search(c, new SearchCriteria(FtsQuery.parse("walrus"), 10, false, true))))
                .extracting(h -> h.session().id()).containsExactly(child.id());
    }

    @Test
    void boundsTheNumberOfHits(Database db) {
        for (int i = 0; i < 30; i++) {
            SessionRow s = insert(db, Sessions.newSession("session " + i));
            append(db, message(s.id(), "common word " + i));
        }
        assertThat(db.<List<SearchHit>>read(c -> search.search(c, new SearchCriteria(FtsQuery.parse("common"), 7, false, false))))
                .hasSize(7);
        assertThat(db.<List<SearchHit>>read(c -> search.search(c, new SearchCriteria(FtsQuery.parse("session"), 5, false, false))))
                .hasSize(5);
    }

    @Test
    void findsEverySessionWhenOneSessionHoldsAllTheBestMatches(Database db) {
        SessionRow busy = insert(db, Sessions.newSession("busy"));
        SessionRow quiet = insert(db, Sessions.newSession("quiet"));
        db.write(tx -> {
            for (int i = 0; i < 120; i++) {
                events.append(tx.connection(), message(busy.id(), "zebra zebra"));
            }
            return events.append(tx.connection(), message(quiet.id(), "a long message that mentions a zebra only once"
                    + " among many other words so that it ranks below every message of the busy session"));
        });
        assertThat(db.<List<SearchHit>>read(c -> search.search(c, new SearchCriteria(FtsQuery.parse("zebra"), 2, false,
                false)))).extracting(h -> h.session().id()).containsExactly(busy.id(), quiet.id());
    }

    @Test
    void anEmptyQueryListsRecentSessions(Database db) {
        SessionRow old = insert(db, Sessions.newSession("a", null, Instant.parse("2026-01-01T00:00:00Z")));
        SessionRow recent = insert(db, Sessions.newSession("b", null, Instant.parse("2026-02-01T00:00:00Z")));
        List<SearchHit> hits = search(db, "   ");
        assertThat(hits).extracting(h -> h.session().id()).containsExactly(recent.id(), old.id());
        assertThat(hits).allSatisfy(h -> {
            assertThat(h.field()).isNull();
            assertThat(h.snippet()).isEqualTo(SearchSnippet.NONE);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\"\"", "\"unbalanced", "*", "**", "a*", "*a", "NEAR", "NEAR(a b)", "a NEAR b",
            "AND", "OR", "NOT", "a OR", "-a", "^a", "a:b", "title:x", "{a b}:c", "(", ")", "a)", "+", "'", "';--",
            "\u0000", "a\u0000b", "日本語", "café", "naïve", "🙂", "\uFDD0", "x*y*", "\\", "%", "_"})
    void weirdQueriesAreNeverSyntaxErrors(String query, Database db) {
        SessionRow s = insert(db, Sessions.newSession("plain"));
        append(db, message(s.id(), "NEAR AND OR NOT a b c title x 日本語 cafe naive"));
        assertThat(db.<List<SearchHit>>read(c -> search.search(c, new SearchCriteria(FtsQuery.parse(query), 10, false, false))))
                .isNotNull();
    }

    @Test
    void operatorsAndPunctuationAreWordsAndDiacriticsFold(Database db) {
        SessionRow s = insert(db, Sessions.newSession("plain"));
        append(db, message(s.id(), "Use NEAR here: the café in Zürich serves 日本語 text"));
        assertThat(search(db, "NEAR")).hasSize(1);
        assertThat(search(db, "near(here")).hasSize(1);
        assertThat(search(db, "cafe zurich")).hasSize(1);
        assertThat(search(db, "CAFÉ")).hasSize(1);
        assertThat(search(db, "日本語")).hasSize(1);
        assertThat(search(db, "café OR nothing")).isEmpty();
        assertThat(search(db, "\"café\"")).hasSize(1);
    }

    @Test
    void aTrailingStarMatchesPrefixes(Database db) {
        SessionRow s = insert(db, Sessions.newSession("plain"));
        append(db, message(s.id(), "the migration succeeded"));
        assertThat(search(db, "migr")).isEmpty();
        assertThat(search(db, "migr*")).hasSize(1);
        assertThat(search(db, "*migration")).hasSize(1);
    }

    @Test
    void theMigrationIndexesAnExistingDatabase(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("agentd.db");
        SessionRow s = Sessions.newSession("legacy query about penguins");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            MigrationRunner.migrate(c, Migrations.all().subList(0, 5));
            sessions.insert(c, s);
            events.append(c, message(s.id(), "an old conversation mentioning albatross"));
            try (Statement st = c.createStatement()) {
                assertThat(st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'conversation_search'")
                        .getInt(1)).isZero();
            }
        }
        try (Database db = Database.open(DatabaseOptions.defaults(file))) {
            assertThat(search(db, "albatross")).extracting(h -> h.session().id()).containsExactly(s.id());
            assertThat(search(db, "penguins").getFirst().field()).isEqualTo(SearchField.QUERY);
            integrityCheck(db);
            append(db, message(s.id(), "and a new one about pelicans"));
            assertThat(search(db, "pelicans")).hasSize(1);
        }
    }

    private List<SearchHit> search(Database db, String query) {
        return db.read(c -> search.search(c, new SearchCriteria(FtsQuery.parse(query), 10, false, false)));
    }

    private SessionRow insert(Database db, SessionRow s) {
        db.write(tx -> {
            sessions.insert(tx.connection(), s);
            return null;
        });
        return s;
    }

    private void append(Database db, NewConversationEvent e) {
        db.write(tx -> events.append(tx.connection(), e));
    }

    /** FTS5's own check that an external-content index matches its content exactly. */
    private static void integrityCheck(Database db) {
        db.write(tx -> {
            Sql.update(tx.connection(), "INSERT INTO conversation_search (conversation_search, rank) VALUES ('integrity-check', 1)");
            return Sql.update(tx.connection(), "INSERT INTO session_search (session_search) VALUES ('integrity-check')");
        });
    }

    private static NewConversationEvent message(String sessionId, String text) {
        return new NewConversationEvent(sessionId, "c", EventType.MESSAGE, Instant.now(), "assistant", text, null, null,
                null, null, null, null);
    }
}
