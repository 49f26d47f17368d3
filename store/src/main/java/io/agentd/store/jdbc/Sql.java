package io.agentd.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC helpers: bind positional arguments, map rows. Keeps repositories to their SQL. */
public final class Sql {
    private Sql() {
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        return withStatement(c, sql, p -> {
            bind(p, args);
            return p.executeUpdate();
        });
    }

    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        return withStatement(c, sql, p -> {
            bind(p, args);
            try (ResultSet rs = p.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        });
    }

    /** The first row, if any; also for {@code INSERT … RETURNING}. */
    public static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        return withStatement(c, sql, p -> {
            bind(p, args);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
            }
        });
    }

    /**
     * Runs {@code work} with a statement for {@code sql}: the connection's cached one when it has a
     * {@link StatementCache} (the store's connections do), else a fresh one closed afterwards.
     */
    public static <T> T withStatement(Connection c, String sql, StatementCache.StatementWork<T> work)
            throws SQLException {
        if (c instanceof StatementCache.Owner owner) {
            return owner.statementCache().run(sql, work);
        }
        try (PreparedStatement p = c.prepareStatement(sql)) {
            return work.run(p);
        }
    }

    public static long count(Connection c, String sql, Object... args) throws SQLException {
        return one(c, sql, rs -> rs.getLong(1), args).orElse(0L);
    }

    public static void bind(PreparedStatement p, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            int index = i + 1;
            switch (a) {
                case null -> p.setNull(index, Types.NULL);
                case Instant t -> p.setLong(index, t.toEpochMilli());
                case Boolean b -> p.setInt(index, b ? 1 : 0);
                case Enum<?> e -> p.setString(index, e instanceof DbValue v ? v.dbValue() : e.name());
                default -> p.setObject(index, a);
            }
        }
    }

    /** An enum stored under a name other than its Java constant. */
    public interface DbValue {
        String dbValue();
    }
}
