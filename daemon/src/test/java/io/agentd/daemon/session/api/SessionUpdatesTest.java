package io.agentd.daemon.session.api;

import static io.agentd.daemon.session.api.StoredSessions.T0;
import static io.agentd.daemon.session.api.StoredSessions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.error.ErrorKind;
import io.agentd.daemon.session.RecordingSessionEvents;
import io.agentd.store.Database;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.testing.TempDatabaseExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TempDatabaseExtension.class)
class SessionUpdatesTest {
    private final RecordingSessionEvents events = new RecordingSessionEvents();
    private final List<String> changes = events.changes();
    private Database database;
    private SessionUpdates updates;

    @BeforeEach
    void setUp(Database database) {
        this.database = database;
        StoredSessions store = new StoredSessions(database);
        store.insert(StoredSessions.bare("s1", null, T0));
        store.insert(StoredSessions.bare("s2", null, T0));
        updates = new SessionUpdates(TestServices.sessions(database, events));
    }

    private SessionRow row(String id) {
        return database.read(c -> new SessionRepository().find(c, id)).orElseThrow();
    }

    @Test
    void archiveSetsAndClearsTheFlagAndTellsTheListener() {
        assertThat(json(updates.archive(new SessionUpdates.ArchiveParams("s1", true))).toString())
                .isEqualTo("{\"success\":true}");
        assertThat(row("s1").archived()).isTrue();

        updates.archive(new SessionUpdates.ArchiveParams("s1", false));

        assertThat(row("s1").archived()).isFalse();
        assertThat(changes).containsExactly("archived s1 true", "archived s1 false");
    }

    @Test
    void archivingAnUnknownSessionIsNotFound() {
        assertThatThrownBy(() -> updates.archive(new SessionUpdates.ArchiveParams("nope", true)))
                .isInstanceOfSatisfying(AgentdException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessage("failed to archive session: session not found: nope");
        assertThat(changes).isEmpty();
    }

    @Test
    void bulkArchiveReportsMissingIdsAndKeepsTheOthers() {
        SessionUpdates.BulkArchiveResult result =
                updates.bulkArchive(new SessionUpdates.BulkArchiveParams(List.of("s1", "nope", "s2"), true));

        assertThat(json(result).toString()).isEqualTo("{\"success\":false,\"failed_sessions\":[\"nope\"]}");
        assertThat(row("s1").archived()).isTrue();
        assertThat(row("s2").archived()).isTrue();
        assertThat(changes).containsExactly("archived s1 true", "archived s2 true");
    }

    @Test
    void bulkArchiveThatFullySucceedsOmitsFailedSessions() {
        SessionUpdates.BulkArchiveResult result =
                updates.bulkArchive(new SessionUpdates.BulkArchiveParams(List.of("s1", "s2"), true));

        assertThat(json(result).toString()).isEqualTo("{\"success\":true}");
    }

    @Test
    void bulkArchiveNeedsIds() {
        assertThatThrownBy(() -> new SessionUpdates.BulkArchiveParams(List.of(), true))
                .isInstanceOfSatisfying(AgentdException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMS))
                .hasMessage("session_ids is required and cannot be empty");
        assertThatThrownBy(() -> new SessionUpdates.BulkArchiveParams(null, true))
                .hasMessage("session_ids is required and cannot be empty");
    }

    @Test
    void titleIsSetClearedAndPublishedAfterCommit() {
        assertThat(json(updates.updateTitle(new SessionUpdates.TitleParams("s1", "New title"))).toString())
                .isEqualTo("{\"success\":true}");
        assertThat(row("s1").title()).isEqualTo("New title");

        updates.updateTitle(new SessionUpdates.TitleParams("s1", null));

        assertThat(row("s1").title()).isEmpty();
        assertThat(changes).containsExactly("title s1 New title", "title s1 ");
    }

    @Test
    void titleOfAnUnknownSessionIsNotFound() {
        assertThatThrownBy(() -> updates.updateTitle(new SessionUpdates.TitleParams("nope", "x")))
                .isInstanceOfSatisfying(AgentdException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessage("failed to update session: session not found: nope");
    }

    @Test
    void updatesNeedASessionId() {
        assertThatThrownBy(() -> new SessionUpdates.ArchiveParams(null, true)).hasMessage("session_id is required");
        assertThatThrownBy(() -> new SessionUpdates.TitleParams("", "x")).hasMessage("session_id is required");
    }
}
