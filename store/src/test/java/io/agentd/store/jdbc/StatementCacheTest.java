package io.agentd.store.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statement cache on a real SQLite file, driven through {@link Sql} as the repositories drive it. */
class StatementCacheTest {
    private static final String INSERT = "INSERT INTO t (k, v) VALUES (?, ?)";
    private static final String BY_KEY = "SELECT v FROM t WHERE k = ?";
    private static final String ALL = "SELECT k FROM t ORDER BY k";

    @TempDir
    Path dir;
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = StatementCache.wrap(DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db")), 4);
        exec("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void aRepeatedStatementIsPreparedOnce() throws SQLException {
        for (int i = 0; i < 10; i++) {
            Sql.update(c, INSERT, "k" + i, "v" + i);
            assertThat(Sql.one(c, BY_KEY, rs -> rs.getString(1), "k" + i)).contains("v" + i);
        }

        assertThat(cache().prepared()).isEqualTo(2);
        assertThat(cache().size()).isEqualTo(2);
        assertThat(Sql.count(c, "SELECT COUNT(*) FROM t")).isEqualTo(10);
    }

    @Test
    void aReusedStatementStartsWithoutTheLastUsesParameters() throws SQLException {
        Sql.update(c, INSERT, "a", "first");
        // Same SQL, bound differently: nothing of the first use may leak into the second.
        Sql.update(c, INSERT, "b", null);

        assertThat(Sql.count(c, "SELECT COUNT(*) FROM t WHERE k = 'b' AND v IS NULL")).isEqualTo(1);
        assertThat(cache().prepared()).isEqualTo(2);
    }

    @Test
    void aStatementThatFailedIsClosedAndTheNextUsePreparesAFreshOne() throws SQLException {
        Sql.update(c, INSERT, "a", "1");
        long before = cache().prepared();

        assertThatThrownBy(() -> Sql.update(c, INSERT, "a", "duplicate")).isInstanceOf(SQLException.class)
                .hasMessageContaining("UNIQUE");
        Sql.update(c, INSERT, "b", "2");

        assertThat(cache().prepared()).isEqualTo(before + 1);
        assertThat(Sql.list(c, ALL, rs -> rs.getString(1))).containsExactly("a", "b");
    }

    @Test
    void aQueryAbandonedHalfWayIsClosedNotReused() throws SQLException {
        for (String k : List.of("a", "b", "c")) {
            Sql.update(c, INSERT, k, k);
        }
        AtomicReference<PreparedStatement> failed = new AtomicReference<>();
        c.setAutoCommit(false);

        assertThatThrownBy(() -> Sql.list(c, ALL, rs -> {
            failed.set((PreparedStatement) rs.getStatement());
            throw new SQLException("mapper failed on the first row");
        })).hasMessageContaining("mapper failed");
        Sql.update(c, INSERT, "d", "d");
        c.rollback();
        c.setAutoCommit(true);

        assertThat(failed.get().isClosed()).isTrue();
        assertThat(Sql.list(c, ALL, rs -> rs.getString(1))).containsExactly("a", "b", "c");
    }

    @Test
    void cachedStatementsFollowSavepointRollbackAndRelease() throws SQLException {
        exec("BEGIN IMMEDIATE");
        exec("SAVEPOINT work");
        Sql.update(c, INSERT, "undone", "x");
        exec("ROLLBACK TO work");
        exec("RELEASE work");
        exec("SAVEPOINT work");
        Sql.update(c, INSERT, "kept", "y");
        exec("RELEASE work");
        exec("COMMIT");

        assertThat(Sql.list(c, ALL, rs -> rs.getString(1))).containsExactly("kept");
        assertThat(Sql.one(c, BY_KEY, rs -> rs.getString(1), "kept")).contains("y");
        assertThat(cache().prepared()).isEqualTo(3); // the insert was reused across the rollback
    }

    @Test
    void aNestedRunOfTheSameQueryGetsItsOwnStatement() throws SQLException {
        Sql.update(c, INSERT, "a", "b");
        Sql.update(c, INSERT, "b", "end");

        // The mapper runs the very query whose result set it is reading.
        List<String> chain = Sql.list(c, "SELECT v FROM t WHERE k = ?",
                rs -> rs.getString(1) + ">" + Sql.one(c, "SELECT v FROM t WHERE k = ?", r -> r.getString(1),
                        rs.getString(1)).orElse("?"), "a");

        assertThat(chain).containsExactly("b>end");
        assertThat(Sql.one(c, BY_KEY, rs -> rs.getString(1), "a")).contains("b");
    }

    @Test
    void theLeastRecentlyUsedStatementIsEvictedAndClosedBeyondTheCapacity() throws SQLException {
        Sql.update(c, INSERT, "a", "1");
        AtomicReference<PreparedStatement> first = new AtomicReference<>();
        Sql.withStatement(c, BY_KEY, p -> {
            first.set(p);
            return null;
        });
        for (int i = 0; i < 4; i++) {
            Sql.count(c, "SELECT COUNT(*) FROM t WHERE v <> '" + i + "'"); // four distinct statements
        }

        assertThat(cache().size()).isEqualTo(4);
        assertThat(first.get().isClosed()).isTrue();
    }

    @Test
    void closingTheConnectionClosesTheCachedStatements() throws SQLException {
        AtomicReference<PreparedStatement> cached = new AtomicReference<>();
        Sql.withStatement(c, ALL, p -> {
            cached.set(p);
            return null;
        });

        c.close();

        assertThat(cached.get().isClosed()).isTrue();
        assertThat(c.isClosed()).isTrue();
        assertThat(cache().size()).isZero();
        assertThatThrownBy(() -> Sql.list(c, ALL, rs -> rs.getString(1))).isInstanceOf(SQLException.class);
    }

    @Test
    void aConnectionWithoutACacheStillWorks() throws SQLException {
        try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"))) {
            Sql.update(plain, INSERT, "p", "q");
            assertThat(Sql.one(plain, BY_KEY, rs -> rs.getString(1), "p")).contains("q");
        }
    }

    private StatementCache cache() {
        return ((StatementCache.Owner) c).statementCache();
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
