package io.agentd.store.rawevent;

import io.agentd.store.jdbc.MultiRowInsert;
import io.agentd.store.jdbc.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** SQL for {@code raw_events}: every stdout line of a Claude process, verbatim, for audit and re-processing. */
public final class RawEventRepository {
    private static final MultiRowInsert INSERT_ALL =
            new MultiRowInsert("INSERT INTO raw_events (session_id, event_json, created_at)", 3, null);

    /** Inserts lines in the order given, many per statement. */
    public void insertAll(Connection c, String sessionId, List<String> eventJsons, Instant createdAt) throws SQLException {
        INSERT_ALL.insert(c, eventJsons, json -> new Object[]{sessionId, json, createdAt});
    }

    public List<String> bySession(Connection c, String sessionId) throws SQLException {
        return Sql.list(c, "SELECT event_json FROM raw_events WHERE session_id = ? ORDER BY id",
                rs -> rs.getString(1), sessionId);
    }

    /** The newest raw events of a session containing {@code fragment}, newest first. */
    public List<String> latestContaining(Connection c, String sessionId, String fragment, int limit) throws SQLException {
        return Sql.list(c, "SELECT event_json FROM raw_events WHERE session_id = ? AND instr(event_json, ?) > 0"
                + " ORDER BY id DESC LIMIT ?", rs -> rs.getString(1), sessionId, fragment, limit);
    }

    public long count(Connection c, String sessionId) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM raw_events WHERE session_id = ?", sessionId);
    }
}
