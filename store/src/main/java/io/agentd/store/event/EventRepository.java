package io.agentd.store.event;

import io.agentd.store.jdbc.MultiRowInsert;
import io.agentd.store.jdbc.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.agentd.store.jdbc.ResultColumns.instant;

/** SQL for {@code events}. */
public final class EventRepository {
    private static final MultiRowInsert INSERT_ALL =
            new MultiRowInsert("INSERT INTO events (type, session_id, run_id, created_at, data_json)", 5, "seq");

    /** Appends an event and returns it with its sequence number. */
    public EventRow append(Connection c, String type, String sessionId, String runId, Instant at, String dataJson)
            throws SQLException {
        long seq = Sql.one(c, "INSERT INTO events (type, session_id, run_id, created_at, data_json) VALUES (?, ?, ?, ?, ?)"
                + " RETURNING seq", rs -> rs.getLong(1), type, sessionId, runId, at, dataJson).orElseThrow();
        return new EventRow(seq, type, sessionId, runId, at, dataJson);
    }

    /** Appends events in list order, many per statement; returns them with their sequence numbers. */
    public List<EventRow> appendAll(Connection c, List<NewEvent> events) throws SQLException {
        long[] seqs = INSERT_ALL.insertReturningKeys(c, events,
                e -> new Object[]{e.type(), e.sessionId(), e.runId(), e.createdAt(), e.dataJson()});
        List<EventRow> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            NewEvent e = events.get(i);
            out.add(new EventRow(seqs[i], e.type(), e.sessionId(), e.runId(), e.createdAt(), e.dataJson()));
        }
        return out;
    }

    /** Events after {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<EventRow> after(Connection c, long afterSeq, int limit) throws SQLException {
        return Sql.list(c, "SELECT seq, type, session_id, run_id, created_at, data_json FROM events WHERE seq > ?"
                        + " ORDER BY seq LIMIT ?",
                rs -> new EventRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5),
                        rs.getString(6)),
                afterSeq, limit);
    }

    /**
     * The newest sequence number ever committed, 0 when there is none. Read from {@code sqlite_sequence},
     * so it does not go back when retention has deleted every event.
     */
    public long lastSeq(Connection c) throws SQLException {
        return Sql.count(c, "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0)");
    }

    /**
     * The oldest retained sequence number; when none is retained, the number the next event will get. So
     * events before it are gone even when retention has emptied the table.
     */
    public long firstSeq(Connection c) throws SQLException {
        return Sql.count(c, "SELECT COALESCE((SELECT MIN(seq) FROM events),"
                + " (SELECT seq FROM sqlite_sequence WHERE name = 'events') + 1, 1)");
    }

    /** Deletes events older than {@code before}; returns how many. */
    public int pruneBefore(Connection c, Instant before) throws SQLException {
        return Sql.update(c, "DELETE FROM events WHERE created_at < ?", before);
    }
}
