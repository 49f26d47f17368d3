package io.agentd.store.mcp;

import io.agentd.store.jdbc.JsonLists;
import io.agentd.store.jdbc.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** SQL for {@code mcp_servers}: the {@code transport} column says which of a row's columns are set. */
public final class McpServerRepository {
    private static final String STDIO = "stdio";
    private static final String HTTP = "http";

    public void insert(Connection c, McpServerRow row) throws SQLException {
        switch (row) {
            case McpServerRow.Stdio s -> Sql.update(c, "INSERT INTO mcp_servers (session_id, name, transport, command,"
                            + " args_json, env_json) VALUES (?, ?, ?, ?, ?, ?)", s.sessionId(), s.name(), STDIO, s.command(),
                    JsonLists.write(s.args()), JsonLists.writeMap(s.env()));
            case McpServerRow.Http h -> Sql.update(c, "INSERT INTO mcp_servers (session_id, name, transport, url,"
                            + " headers_json) VALUES (?, ?, ?, ?, ?)", h.sessionId(), h.name(), HTTP, h.url(),
                    JsonLists.writeMap(h.headers()));
        }
    }

    /** The servers of a session, sorted by name. */
    public List<McpServerRow> bySession(Connection c, String sessionId) throws SQLException {
        return Sql.list(c, "SELECT session_id, name, transport, command, args_json, env_json, url, headers_json"
                        + " FROM mcp_servers WHERE session_id = ? ORDER BY name",
                McpServerRepository::map, sessionId);
    }

    private static McpServerRow map(ResultSet rs) throws SQLException {
        return HTTP.equals(rs.getString(3))
                ? new McpServerRow.Http(rs.getString(1), rs.getString(2), rs.getString(7), JsonLists.readMap(rs.getString(8)))
                : new McpServerRow.Stdio(rs.getString(1), rs.getString(2), rs.getString(4), JsonLists.read(rs.getString(5)),
                        JsonLists.readMap(rs.getString(6)));
    }
}
