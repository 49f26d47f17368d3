package io.agentd.store.snapshot;

import io.agentd.store.jdbc.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static io.agentd.store.jdbc.ResultColumns.instant;

/** SQL for {@code file_snapshots}. */
public final class SnapshotRepository {
    public void insert(Connection c, FileSnapshotRow row) throws SQLException {
        Sql.update(c, "INSERT INTO file_snapshots (tool_id, session_id, file_path, content, created_at) VALUES (?, ?, ?, ?, ?)",
                row.toolId(), row.sessionId(), row.filePath(), row.content(), row.createdAt());
    }

    /** Newest first, as hld returns them. */
    public List<FileSnapshotRow> bySession(Connection c, String sessionId) throws SQLException {
        return Sql.list(c, "SELECT tool_id, session_id, file_path, content, created_at FROM file_snapshots"
                        + " WHERE session_id = ? ORDER BY created_at DESC, id DESC",
                rs -> new FileSnapshotRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs, 5)),
                sessionId);
    }
}
