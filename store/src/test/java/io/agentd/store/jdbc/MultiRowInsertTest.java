package io.agentd.store.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Multi-row inserts on a real SQLite file: every row stored once, in order, each with its own key. */
class MultiRowInsertTest {
    private static final MultiRowInsert INSERT = new MultiRowInsert("INSERT INTO t (v, w)", 2, null);
    private static final MultiRowInsert INSERT_KEYS = new MultiRowInsert("INSERT INTO t (v, w)", 2, "id");

    @TempDir
    Path dir;
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = StatementCache.wrap(DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db")), 16);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT NOT NULL, w INTEGER)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 4, 17, 64, 85, 150})
    void storesEveryRowInListOrder(int count) throws SQLException {
        List<String> values = values("r", count);

        INSERT.insert(c, values, v -> new Object[]{v, v.length()});

        assertThat(Sql.list(c, "SELECT v FROM t ORDER BY id", rs -> rs.getString(1))).isEqualTo(values);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 64, 85, 150})
    void returnsTheKeyOfEachRowInListOrder(int count) throws SQLException {
        // Earlier rows, some deleted: AUTOINCREMENT keys keep rising past them.
        INSERT.insert(c, values("old", 10), v -> new Object[]{v, 0});
        Sql.update(c, "DELETE FROM t WHERE id > 7");
        List<String> values = values("new", count);

        long[] keys = INSERT_KEYS.insertReturningKeys(c, values, v -> new Object[]{v, 1});

        assertThat(keys).hasSize(count).isSorted().doesNotHaveDuplicates();
        assertThat(keys[0]).isEqualTo(11);
        for (int i = 0; i < count; i++) {
            long key = keys[i];
            assertThat(Sql.one(c, "SELECT v FROM t WHERE id = ?", rs -> rs.getString(1), key)).contains(values.get(i));
        }
    }

    @Test
    void anyNumberOfRowsTakesOnlyAFewStatementTexts() throws SQLException {
        for (int count = 1; count <= 130; count++) {
            INSERT.insert(c, values("x" + count + "-", count), v -> new Object[]{v, 0});
        }

        // 64, 16, 4 and 1 rows per statement: each text prepared once however the counts fall.
        assertThat(((StatementCache.Owner) c).statementCache().prepared()).isEqualTo(4);
        assertThat(Sql.count(c, "SELECT COUNT(*) FROM t")).isEqualTo(130L * 131 / 2);
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsRefusedBeforeAnythingIsWritten() throws SQLException {
        assertThatThrownBy(() -> INSERT.insert(c, List.of("a"), v -> new Object[]{v}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values, expected 2");
        assertThat(Sql.count(c, "SELECT COUNT(*) FROM t")).isZero();
    }

    @Test
    void aFailingChunkFailsTheInsert() {
        List<String> values = new ArrayList<>(values("ok", 20));
        values.set(17, null); // v is NOT NULL

        assertThatThrownBy(() -> INSERT.insert(c, values, v -> new Object[]{v, 0}))
                .isInstanceOf(SQLException.class).hasMessageContaining("NOT NULL");
    }

    @Test
    void theColumnCountMustBePositive() {
        assertThatThrownBy(() -> new MultiRowInsert("INSERT INTO t (v)", 0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> values(String prefix, int count) {
        return new ArrayList<>(IntStream.range(0, count).mapToObj(i -> prefix + i).toList());
    }
}
