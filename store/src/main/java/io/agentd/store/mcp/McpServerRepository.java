package io.agentd.store.mcp;

import io.agentd.store.jdbc.JsonLists;
import io.agentd.store.jdbc.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** SQL for {@code mcp_servers}. */
public final class McpServerRepository {
    public void insert(Connection c, McpServerRow row) throws SQLException {
        Sql.update(c, "INSERT INTO mcp_servers (session_id, name, command, args_json, env_json) VALUES (?, ?, ?, ?, ?)",
                row.sessionId(), row.name(), row.command(), JsonLists.write(row.args()), JsonLists.writeMap(row.env()));
    }

    /** The servers of a session, sorted by name. */
    public List<McpServerRow> bySession(Connection c, String sessionId) throws SQLException {
        return Sql.list(c, "SELECT session_id, name, command, args_json, env_json FROM mcp_servers"
                        + " WHERE session_id = ? ORDER BY name",
                rs -> new McpServerRow(rs.getString(1), rs.getString(2), rs.getString(3), JsonLists.read(rs.getString(4)),
                        JsonLists.readMap(rs.getString(5))),
                sessionId);
    }
}
