package io.agentd.store.workspace;

import io.agentd.store.Database;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.testing.Sessions;
import io.agentd.store.testing.TempDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(TempDatabaseExtension.class)
class SessionChangesRepositoryTest {
    private final SessionRepository sessions = new SessionRepository();
    private final SessionChangesRepository changes = new SessionChangesRepository();

    @Test
    void storesReplacesAndReadsBackASessionsChanges(Database db) {
        SessionRow s = Sessions.newSession("s");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SessionChangesRow first = new SessionChangesRow(s.id(), "git", false, "", at, List.of(
                new FileChangeRow("b.txt", "deleted", "-gone\n", false, false, 5, -1, ""),
                new FileChangeRow("a.txt", "modified", "-x\n+y\n", false, false, 2, 2, "")));
        SessionChangesRow second = new SessionChangesRow(s.id(), "git", true, "1 more", at.plusSeconds(1), List.of(
                new FileChangeRow("img.png", "added", "", true, false, -1, 10, "binary: not diffed")));
        db.write(tx -> {
            sessions.insert(tx.connection(), s);
            changes.replace(tx.connection(), first);
            return null;
        });
        SessionChangesRow read = db.read(c -> changes.find(c, s.id())).orElseThrow();
        assertThat(read.files()).extracting(FileChangeRow::path).containsExactly("a.txt", "b.txt");
        assertThat(read.files().getFirst().diff()).isEqualTo("-x\n+y\n");
        assertThat(read.capturedAt()).isEqualTo(at);

        db.write(tx -> {
            changes.replace(tx.connection(), second);
            return null;
        });
        assertThat(db.<java.util.Optional<SessionChangesRow>>read(c -> changes.find(c, s.id()))).contains(second);
        assertThat(db.<java.util.Optional<SessionChangesRow>>read(c -> changes.find(c, "other"))).isEmpty();
    }
}
