package io.agentd.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Reads result-set columns by position. Mappers read every column of every row, and sqlite-jdbc resolves a
 * column <em>name</em> with a linear, case-insensitive search that calls into native code for each
 * candidate; by position it is an array access. Repositories select an explicit column list and resolve
 * each column's position from that list once, with {@link #position}.
 */
public final class ResultColumns {
    private ResultColumns() {
    }

    /**
     * The 1-based position of {@code name} in a {@code SELECT} of {@code columns} in that order.
     *
     * @throws IllegalArgumentException if the list does not hold the name (a programming error, found when
     *                                  the repository class loads)
     */
    public static int position(List<String> columns, String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + columns);
        }
        return i + 1;
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    public static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static Double doubleOrNull(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    public static boolean bool(ResultSet rs, int column) throws SQLException {
        return rs.getInt(column) != 0;
    }
}
