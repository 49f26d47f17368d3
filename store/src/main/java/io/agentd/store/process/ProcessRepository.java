package io.agentd.store.process;

import io.agentd.store.jdbc.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for {@code session_processes}. */
public final class ProcessRepository {
    private static final String COLUMNS = "session_id, pid, start_time, spool_dir, stdout_offset, mcp_config_path, "
            + "interrupt_requested_at, exit_code, ended_at, stop_reason";

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
        return new ProcessRow(rs.getString("session_id"), Sql.longOrNull(rs, "pid"), Sql.instant(rs, "start_time"),
                rs.getString("spool_dir"), rs.getLong("stdout_offset"), rs.getString("mcp_config_path"),
                Sql.instant(rs, "interrupt_requested_at"), Sql.intOrNull(rs, "exit_code"), Sql.instant(rs, "ended_at"),
                rs.getString("stop_reason"));
    }
}
