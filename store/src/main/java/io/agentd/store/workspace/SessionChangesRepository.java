package io.agentd.store.workspace;

import io.agentd.store.jdbc.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static io.agentd.store.jdbc.ResultColumns.bool;
import static io.agentd.store.jdbc.ResultColumns.instant;

/** SQL for {@code session_changes} and {@code session_file_changes}. */
public final class SessionChangesRepository {
    /** Stores a session's changes, replacing an earlier capture; run inside one write transaction. */
    public void replace(Connection c, SessionChangesRow row) throws SQLException {
        delete(c, row.sessionId());
        Sql.update(c, "INSERT INTO session_changes (session_id, source, truncated, note, captured_at) VALUES (?, ?, ?, ?, ?)",
                row.sessionId(), row.source(), row.truncated(), row.note(), row.capturedAt());
        for (FileChangeRow f : row.files()) {
            Sql.update(c, "INSERT INTO session_file_changes (session_id, path, status, diff, binary, large, old_size,"
                            + " new_size, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.sessionId(), f.path(), f.status(), f.diff(), f.binary(), f.large(), f.oldSize(), f.newSize(),
                    f.note());
        }
    }

    public Optional<SessionChangesRow> find(Connection c, String sessionId) throws SQLException {
        List<FileChangeRow> files = Sql.list(c, "SELECT path, status, diff, binary, large, old_size, new_size, note"
                        + " FROM session_file_changes WHERE session_id = ? ORDER BY path",
                rs -> new FileChangeRow(rs.getString(1), rs.getString(2), rs.getString(3), bool(rs, 4), bool(rs, 5),
                        rs.getLong(6), rs.getLong(7), rs.getString(8)),
                sessionId);
        return Sql.one(c, "SELECT session_id, source, truncated, note, captured_at FROM session_changes WHERE session_id = ?",
                rs -> new SessionChangesRow(rs.getString(1), rs.getString(2), bool(rs, 3), rs.getString(4),
                        instant(rs, 5), files),
                sessionId);
    }

    public void delete(Connection c, String sessionId) throws SQLException {
        Sql.update(c, "DELETE FROM session_file_changes WHERE session_id = ?", sessionId);
        Sql.update(c, "DELETE FROM session_changes WHERE session_id = ?", sessionId);
    }
}
