package io.agentd.store.approval;

import io.agentd.store.jdbc.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for {@code approvals}. */
public final class ApprovalRepository {
    private static final String COLUMNS =
            "id, run_id, session_id, status, created_at, responded_at, tool_name, tool_input, comment, tool_use_id, decided_by";

    public void insert(Connection c, ApprovalRow a) throws SQLException {
        Sql.update(c, "INSERT INTO approvals (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(), a.runId(), a.sessionId(), a.status(), a.createdAt(), a.respondedAt(), a.toolName(),
                a.toolInputJson(), a.comment(), a.toolUseId(), a.decidedBy());
    }

    public Optional<ApprovalRow> find(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM approvals WHERE id = ?", ApprovalRepository::map, id);
    }

    /** The newest approval of a session for one tool use, if Claude asked for it. */
    public Optional<ApprovalRow> findByToolUseId(Connection c, String sessionId, String toolUseId) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM approvals WHERE session_id = ? AND tool_use_id = ?"
                + " ORDER BY created_at DESC, id LIMIT 1", ApprovalRepository::map, sessionId, toolUseId);
    }

    /** Whether Claude ever asked for an approval in this session. */
    public boolean anyForSession(Connection c, String sessionId) throws SQLException {
        return Sql.count(c, "SELECT EXISTS (SELECT 1 FROM approvals WHERE session_id = ?)", sessionId) > 0;
    }

    /** Pending approvals of a session, oldest first. */
    public List<ApprovalRow> pending(Connection c, String sessionId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM approvals WHERE session_id = ? AND status = 'pending'"
                + " ORDER BY created_at, rowid", ApprovalRepository::map, sessionId);
    }

    /** When the session's latest approval was decided; empty if none was. */
    public Optional<Instant> lastDecidedAt(Connection c, String sessionId) throws SQLException {
        return Sql.one(c, "SELECT MAX(responded_at) AS responded_at FROM approvals WHERE session_id = ?",
                rs -> Sql.instant(rs, "responded_at"), sessionId);
    }

    public boolean hasPending(Connection c, String sessionId) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM approvals WHERE session_id = ? AND status = 'pending'", sessionId) > 0;
    }

    /**
     * Decides a pending approval; returns false when it was no longer pending (first decision wins).
     *
     * @param decidedBy the rule that decided it, e.g. {@code human}
     */
    public boolean decide(Connection c, String id, ApprovalStatus status, String comment, String decidedBy, Instant now)
            throws SQLException {
        return Sql.update(c, "UPDATE approvals SET status = ?, comment = ?, decided_by = ?, responded_at = ?"
                + " WHERE id = ? AND status = 'pending'", status, comment, decidedBy, now, id) == 1;
    }

    static ApprovalRow map(ResultSet rs) throws SQLException {
        return new ApprovalRow(rs.getString("id"), rs.getString("run_id"), rs.getString("session_id"),
                ApprovalStatus.fromWire(rs.getString("status")), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "responded_at"), rs.getString("tool_name"), rs.getString("tool_input"),
                rs.getString("comment"), rs.getString("tool_use_id"), rs.getString("decided_by"));
    }
}
