package io.agentd.store;

import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.testing.Sessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A full or read-only database, made by SQLite itself through the {@link WriteFaults} seam: writes fail with a
 * kind clients can be told, nothing half-stored is reported stored (or stored when reported failed), the
 * health says so while it lasts, and writes work again once the fault is gone.
 */
class StoreFaultsTest {
    private final SessionRepository sessions = new SessionRepository();
    private Path dir;
    private Path control;
    private Database db;

    @BeforeEach
    void open() throws IOException {
        dir = Files.createTempDirectory("agentd-faults-");
        control = dir.resolve("faults");
        db = Database.open(DatabaseOptions.defaults(dir.resolve("agentd.db")).withFaultFile(control));
    }

    @AfterEach
    void close() throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aFullDiskFailsEveryWorkOfTheAbandonedTransactionAndStoresNoneOfThem() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<?> blocker = db.writeAsync(tx -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        running.await();
        // Queued behind the blocker, so the three share the next transaction: a small insert, one that needs
        // new pages (a 200 KB query), another small insert.
        Files.writeString(control, "full");
        SessionRow before = Sessions.newSession("small before");
        SessionRow big = Sessions.newSession("x".repeat(200_000));
        SessionRow after = Sessions.newSession("small after");
        List<CompletableFuture<Object>> futures = List.of(insert(before), insert(big), insert(after));
        release.countDown();
        blocker.join();

        futures.forEach(f -> f.exceptionally(e -> null).join());
        assertThat(db.<List<SessionRow>>read(sessions::list)).as("nothing of the abandoned transaction is stored").isEmpty();
        for (CompletableFuture<Object> f : futures) {
            assertThatThrownBy(f::join).isInstanceOf(CompletionException.class).cause()
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.DISK_FULL));
        }
        StoreHealth health = db.health();
        assertThat(health.ok()).isFalse();
        assertThat(health.kind()).isEqualTo(StoreException.Kind.DISK_FULL);
        assertThat(health.error()).contains("full");

        Files.writeString(control, "");
        db.write(tx -> {
            sessions.insert(tx.connection(), big);
            return null;
        });
        assertThat(db.<List<SessionRow>>read(sessions::list)).extracting(SessionRow::id).containsExactly(big.id());
        assertThat(db.health()).isEqualTo(StoreHealth.OK);
        assertThat(integrityCheck()).isEqualTo("ok");
    }

    @Test
    void aReadOnlyDatabaseRefusesWritesButAnswersReads() throws Exception {
        SessionRow stored = Sessions.newSession("stored first");
        insert(stored).join();
        Files.writeString(control, "read-only");

        assertThatThrownBy(() -> insert(Sessions.newSession("refused")).join()).cause()
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StoreException.Kind.READ_ONLY);
                    assertThat(e.getMessage()).contains("read-only");
                });
        assertThat(db.<List<SessionRow>>read(sessions::list)).extracting(SessionRow::id).containsExactly(stored.id());
        assertThat(db.health().kind()).isEqualTo(StoreException.Kind.READ_ONLY);

        Files.writeString(control, "normal");
        insert(Sessions.newSession("accepted")).join();
        assertThat(db.<List<SessionRow>>read(sessions::list)).hasSize(2);
        assertThat(db.health().ok()).isTrue();
    }

    @Test
    void aWriteThatChangesNothingDoesNotEndTheFault() throws Exception {
        Files.writeString(control, "full");
        assertThatThrownBy(() -> insert(Sessions.newSession("y".repeat(200_000))).join()).isInstanceOf(CompletionException.class);
        var firstFault = db.health();
        assertThat(firstFault.ok()).isFalse();

        // A periodic check with nothing to do commits fine on a full disk, which proves nothing.
        db.write(tx -> tx.connection().createStatement().executeUpdate("UPDATE sessions SET title = 't' WHERE 0"));
        assertThat(db.health().ok()).isFalse();
        assertThatThrownBy(() -> insert(Sessions.newSession("z".repeat(200_000))).join()).isInstanceOf(CompletionException.class);
        assertThat(db.health().since()).as("the fault keeps its start").isEqualTo(firstFault.since());

        Files.writeString(control, "");
        insert(Sessions.newSession("fits again")).join();
        assertThat(db.health().ok()).isTrue();
    }

    @Test
    void aRefusedStatementIsNotAStoreFault() {
        assertThatThrownBy(() -> db.write(tx -> {
            sessions.insert(tx.connection(), Sessions.newSession("orphan", "no-such-parent", java.time.Instant.now()));
            return null;
        })).isInstanceOf(StoreException.class);
        assertThat(db.health().ok()).isTrue();
    }

    @Test
    void sqliteResultCodesBecomeKinds() {
        assertThat(StoreException.from("write", new SQLException("disk I/O error", null, 778)).kind())
                .isEqualTo(StoreException.Kind.IO_ERROR); // SQLITE_IOERR_WRITE
        assertThat(StoreException.from("write", new SQLException("full", null, 13)).kind())
                .isEqualTo(StoreException.Kind.DISK_FULL);
        assertThat(StoreException.from("write", new SQLException("readonly", null, 1032)).kind())
                .isEqualTo(StoreException.Kind.READ_ONLY); // SQLITE_READONLY_DBMOVED
        assertThat(StoreException.from("write", new SQLException("constraint", null, 787)).kind())
                .isEqualTo(StoreException.Kind.OTHER); // SQLITE_CONSTRAINT_FOREIGNKEY
    }

    private CompletableFuture<Object> insert(SessionRow row) {
        return db.writeAsync(tx -> {
            sessions.insert(tx.connection(), row);
            return null;
        });
    }

    private String integrityCheck() {
        return db.read(c -> {
            try (var rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
