package io.agentd.store.stats;

import io.agentd.store.jdbc.Sql;

import java.sql.Connection;
import java.sql.SQLException;

/** Counts for diagnostics; cheap enough to answer on every request of the desktop UI's start screen. */
public final class DatabaseStatsRepository {
    public DatabaseStats stats(Connection c) throws SQLException {
        int tables = Sql.one(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
                rs -> rs.getInt(1)).orElse(0);
        return new DatabaseStats(tables, count(c, "sessions"), count(c, "approvals"), count(c, "conversation_events"));
    }

    private static long count(Connection c, String table) throws SQLException {
        return Sql.one(c, "SELECT count(*) FROM " + table, rs -> rs.getLong(1)).orElse(0L);
    }
}
