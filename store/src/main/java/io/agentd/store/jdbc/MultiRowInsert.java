package io.agentd.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An INSERT of many rows per statement. A statement per row costs about twice as much per row (each
 * runs SQLite's program once and crosses JNI several times), and the ingest path inserts thousands of
 * rows a second. Rows go in chunks of a few fixed sizes, so there are only a few statement texts and
 * each is prepared once by the connection's {@link StatementCache}.
 */
public final class MultiRowInsert {
    /** Chunk sizes, largest first; 64 rows of 13 columns stay far below SQLite's bound-parameter limit. */
    private static final int[] CHUNKS = {64, 16, 4, 1};

    private final int columns;
    private final String[] sqlByRows = new String[CHUNKS[0] + 1];

    /** One row's values, in the column order of the INSERT. */
    @FunctionalInterface
    public interface RowValues<R> {
        Object[] of(R row);
    }

    /**
     * @param head      {@code INSERT INTO t (a, b)}, without {@code VALUES}
     * @param columns   how many values each row has
     * @param returning a key column to return ({@code RETURNING key}), or null
     */
    public MultiRowInsert(String head, int columns, String returning) {
        requireNonNull(head, "head is null");
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + columns);
        }
        this.columns = columns;
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        for (int rows : CHUNKS) {
            sqlByRows[rows] = head + " VALUES " + String.join(", ", Collections.nCopies(rows, row))
                    + (returning == null ? "" : " RETURNING " + returning);
        }
    }

    /** Inserts {@code rows} in list order. */
    public <R> void insert(Connection c, List<R> rows, RowValues<R> values) throws SQLException {
        run(c, rows, values, null);
    }

    /**
     * Inserts {@code rows} in list order and returns each row's key, in the same order. The key must be an
     * {@code INTEGER PRIMARY KEY AUTOINCREMENT}: SQLite inserts the rows of one VALUES list in order and
     * AUTOINCREMENT gives every new row a larger key than any before it, so the keys sorted ascending follow
     * the rows, whatever order RETURNING hands them out in (it promises none).
     */
    public <R> long[] insertReturningKeys(Connection c, List<R> rows, RowValues<R> values) throws SQLException {
        long[] keys = new long[rows.size()];
        run(c, rows, values, keys);
        return keys;
    }

    private <R> void run(Connection c, List<R> rows, RowValues<R> values, long[] keys) throws SQLException {
        int from = 0;
        for (int size : CHUNKS) {
            while (rows.size() - from >= size) {
                Object[] args = new Object[size * columns];
                for (int i = 0; i < size; i++) {
                    Object[] row = values.of(rows.get(from + i));
                    if (row.length != columns) {
                        throw new IllegalArgumentException("a row has " + row.length + " values, expected " + columns);
                    }
                    System.arraycopy(row, 0, args, i * columns, columns);
                }
                String sql = sqlByRows[size];
                if (keys == null) {
                    Sql.update(c, sql, args);
                } else {
                    int offset = from;
                    Sql.withStatement(c, sql, p -> {
                        Sql.bind(p, args);
                        try (ResultSet rs = p.executeQuery()) {
                            int n = 0;
                            while (rs.next()) {
                                keys[offset + n++] = rs.getLong(1);
                            }
                            if (n != size) {
                                throw new SQLException("inserted " + size + " rows but got " + n + " keys back");
                            }
                        }
                        return null;
                    });
                    Arrays.sort(keys, offset, offset + size);
                }
                from += size;
            }
        }
    }
}
