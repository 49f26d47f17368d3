package io.agentd.store;

import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.testing.Sessions;
import io.agentd.store.testing.TempDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(TempDatabaseExtension.class)
class DatabaseTest {
    private final SessionRepository sessions = new SessionRepository();

    @Test
    void opensInWalModeWithForeignKeys(Database db) {
        String mode = db.read(c -> {
            try (var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(mode).isEqualTo("wal");
        assertThatThrownBy(() -> db.write(tx -> {
            sessions.insert(tx.connection(), Sessions.newSession("orphan", "no-such-parent", java.time.Instant.now()));
            return null;
        }))
                .isInstanceOf(StoreException.class).hasMessageContaining("FOREIGN KEY");
    }

    @Test
    void aFailingWorkDoesNotUndoTheOthersInItsBatch(Database db) {
        List<CompletableFuture<?>> futures = new ArrayList<>();
        List<SessionRow> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            SessionRow row = Sessions.newSession("q" + i);
            rows.add(row);
            futures.add(db.writeAsync(tx -> {
                sessions.insert(tx.connection(), row);
                return null;
            }));
            if (i == 100) {
                futures.add(db.writeAsync(tx -> {
                    sessions.insert(tx.connection(), Sessions.newSession("half written"));
                    throw new SQLException("boom");
                }));
            }
        }
        long failed = futures.stream().filter(f -> {
            try {
                f.join();
                return false;
            } catch (RuntimeException e) {
                return true;
            }
        }).count();
        assertThat(failed).isEqualTo(1);
        List<SessionRow> stored = db.read(sessions::list);
        assertThat(stored).hasSize(200).noneMatch(s -> s.query().equals("half written"));
        assertThat(stored).extracting(SessionRow::id).containsExactlyInAnyOrderElementsOf(rows.stream().map(SessionRow::id).toList());
    }

    @Test
    void afterCommitActionsRunInCommitOrderOnlyForCommittedWork(Database db) {
        List<Integer> published = new CopyOnWriteArrayList<>();
        List<CompletableFuture<?>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            futures.add(db.writeAsync(tx -> {
                tx.afterCommit(() -> published.add(n));
                if (n == 7) {
                    throw new IllegalStateException("work 7 fails");
                }
                return null;
            }));
        }
        futures.forEach(f -> f.exceptionally(e -> null).join());
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            if (i != 7) {
                expected.add(i);
            }
        }
        assertThat(published).containsExactlyElementsOf(expected);
    }

    @Test
    void domainExceptionsPassThroughWrite(Database db) {
        assertThatThrownBy(() -> db.write(tx -> {
            throw new IllegalArgumentException("bad input");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad input");
    }

    @Test
    void readersCannotWrite(Database db) {
        assertThatThrownBy(() -> db.read(c -> c.createStatement().executeUpdate("DELETE FROM sessions")))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void asyncReadsAnswerAndFailLikeReads(Database db) {
        CompletableFuture<Long> count = db.readAsync(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM sessions")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        CompletableFuture<Object> failing = db.readAsync(c -> c.createStatement().executeQuery("SELECT nope FROM nowhere"));

        assertThat(count.join()).isZero();
        assertThatThrownBy(failing::join).satisfies(e -> assertThat(Database.unwrap(e)).isInstanceOf(StoreException.class)
                .hasMessageContaining("nowhere"));
    }

    @Test
    void closedStoreRejectsWork(Database db) {
        db.close();
        assertThatThrownBy(() -> db.write(tx -> null)).isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.CLOSED));
        assertThatThrownBy(() -> db.readAsync(c -> null)).isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.CLOSED));
    }
}
