package io.agentd.store.process;

import io.agentd.store.jdbc.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.agentd.store.jdbc.ResultColumns.instant;
import static io.agentd.store.jdbc.ResultColumns.intOrNull;
import static io.agentd.store.jdbc.ResultColumns.longOrNull;
import static io.agentd.store.jdbc.ResultColumns.position;

/** SQL for {@code session_processes}. */
public final class ProcessRepository {
    private static final List<String> COLUMN_NAMES = List.of("session_id", "pid", "start_time", "spool_dir",
            "stdout_offset", "mcp_config_path", "interrupt_requested_at", "exit_code", "ended_at", "stop_reason");
    private static final String COLUMNS = String.join(", ", COLUMN_NAMES);
    // Positions in every SELECT below, which all list COLUMN_NAMES in this order.
    private static final int SESSION_ID = position(COLUMN_NAMES, "session_id");
    private static final int PID = position(COLUMN_NAMES, "pid");
    private static final int START_TIME = position(COLUMN_NAMES, "start_time");
    private static final int SPOOL_DIR = position(COLUMN_NAMES, "spool_dir");
    private static final int STDOUT_OFFSET = position(COLUMN_NAMES, "stdout_offset");
    private static final int MCP_CONFIG_PATH = position(COLUMN_NAMES, "mcp_config_path");
    private static final int INTERRUPT_REQUESTED_AT = position(COLUMN_NAMES, "interrupt_requested_at");
    private static final int EXIT_CODE = position(COLUMN_NAMES, "exit_code");
    private static final int ENDED_AT = position(COLUMN_NAMES, "ended_at");
    private static final int STOP_REASON = position(COLUMN_NAMES, "stop_reason");

    public void insert(Connection c, String sessionId, String spoolDir, String mcpConfigPath) throws SQLException {
        Sql.update(c, "INSERT INTO session_processes (session_id, spool_dir, mcp_config_path) VALUES (?, ?, ?)",
                sessionId, spoolDir, mcpConfigPath);
    }

    public void setStarted(Connection c, String sessionId, long pid, Instant startTime) throws SQLException {
        Sql.update(c, "UPDATE session_processes SET pid = ?, start_time = ? WHERE session_id = ?", pid, startTime, sessionId);
    }

    public void setOffset(Connection c, String sessionId, long offset) throws SQLException {
        Sql.update(c, "UPDATE session_processes SET stdout_offset = ? WHERE session_id = ?", offset, sessionId);
    }

    public void setInterruptRequested(Connection c, String sessionId, Instant at) throws SQLException {
        Sql.update(c, "UPDATE session_processes SET interrupt_requested_at = COALESCE(interrupt_requested_at, ?)"
                + " WHERE session_id = ?", at, sessionId);
    }

    /** Records why agentd stops the process itself; the first reason stays. */
    public void setStopReason(Connection c, String sessionId, String reason) throws SQLException {
        Sql.update(c, "UPDATE session_processes SET stop_reason = COALESCE(stop_reason, ?) WHERE session_id = ?", reason,
                sessionId);
    }

    public void setEnded(Connection c, String sessionId, Integer exitCode, Instant at) throws SQLException {
        Sql.update(c, "UPDATE session_processes SET exit_code = ?, ended_at = ? WHERE session_id = ?", exitCode, at, sessionId);
    }

    public Optional<ProcessRow> find(Connection c, String sessionId) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM session_processes WHERE session_id = ?", ProcessRepository::map,
                sessionId);
    }

    /** Processes of sessions that ended before {@code before}, whose spool may be deleted. */
    public List<ProcessRow> endedBefore(Connection c, Instant before) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM session_processes WHERE ended_at IS NOT NULL AND ended_at < ?",
                ProcessRepository::map, before);
    }

    static ProcessRow map(ResultSet rs) throws SQLException {
        return new ProcessRow(rs.getString(SESSION_ID), longOrNull(rs, PID), instant(rs, START_TIME),
                rs.getString(SPOOL_DIR), rs.getLong(STDOUT_OFFSET), rs.getString(MCP_CONFIG_PATH),
                instant(rs, INTERRUPT_REQUESTED_AT), intOrNull(rs, EXIT_CODE), instant(rs, ENDED_AT),
                rs.getString(STOP_REASON));
    }
}
