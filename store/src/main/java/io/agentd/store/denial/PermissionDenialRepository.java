package io.agentd.store.denial;

import io.agentd.store.jdbc.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** SQL for {@code permission_denials}. */
public final class PermissionDenialRepository {
    /** Stores a result's denials in place of earlier ones: each result reports the whole list of its run. */
    public void replace(Connection c, String sessionId, List<PermissionDenialRow> denials) throws SQLException {
        Sql.update(c, "DELETE FROM permission_denials WHERE session_id = ?", sessionId);
        for (int i = 0; i < denials.size(); i++) {
            PermissionDenialRow d = denials.get(i);
            Sql.update(c, "INSERT INTO permission_denials (session_id, position, tool_name, tool_use_id, tool_input)"
                    + " VALUES (?, ?, ?, ?, ?)", sessionId, i, d.toolName(), d.toolUseId(), d.toolInputJson());
        }
    }

    /** A session's denials in Claude's order; empty when there were none. */
    public List<PermissionDenialRow> bySession(Connection c, String sessionId) throws SQLException {
        return Sql.list(c, "SELECT tool_name, tool_use_id, tool_input FROM permission_denials WHERE session_id = ?"
                        + " ORDER BY position",
                rs -> new PermissionDenialRow(rs.getString(1), rs.getString(2), rs.getString(3)), sessionId);
    }
}
