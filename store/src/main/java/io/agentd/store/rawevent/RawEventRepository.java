package io.agentd.store.rawevent;

import io.agentd.store.jdbc.MultiRowInsert;
import io.agentd.store.jdbc.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for {@code raw_events}: every stdout line of a Claude process, verbatim, for audit and re-processing. */
public final class RawEventRepository {
    private static final MultiRowInsert INSERT_ALL =
            new MultiRowInsert("INSERT INTO raw_events (session_id, event_type, event_json, created_at)", 4, null);

    /** Inserts lines in the order given, many per statement. */
    public void insertAll(Connection c, String sessionId, List<NewRawEvent> events, Instant createdAt) throws SQLException {
        INSERT_ALL.insert(c, events, e -> new Object[]{sessionId, e.eventType(), e.json(), createdAt});
    }

    public List<String> bySession(Connection c, String sessionId) throws SQLException {
        return Sql.list(c, "SELECT event_json FROM raw_events WHERE session_id = ? ORDER BY id",
                rs -> rs.getString(1), sessionId);
    }

    /** The newest raw event of a session whose parsed type is {@code eventType}. */
    public Optional<String> latestOfType(Connection c, String sessionId, String eventType) throws SQLException {
        return Sql.one(c, "SELECT event_json FROM raw_events WHERE session_id = ? AND event_type = ?"
                + " ORDER BY id DESC LIMIT 1", rs -> rs.getString(1), sessionId, eventType);
    }

    public long count(Connection c, String sessionId) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM raw_events WHERE session_id = ?", sessionId);
    }
}
