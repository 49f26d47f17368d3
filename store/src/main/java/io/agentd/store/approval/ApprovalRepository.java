package io.agentd.store.approval;

import io.agentd.store.jdbc.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.agentd.store.jdbc.ResultColumns.instant;
import static io.agentd.store.jdbc.ResultColumns.position;

/** SQL for {@code approvals}. */
public final class ApprovalRepository {
    private static final List<String> COLUMN_NAMES = List.of("id", "run_id", "session_id", "status", "created_at",
            "responded_at", "tool_name", "tool_input", "comment", "tool_use_id", "decided_by", "rule_id");
    private static final String COLUMNS = String.join(", ", COLUMN_NAMES);
    // Positions in every SELECT below, which all list COLUMN_NAMES in this order.
    private static final int ID = position(COLUMN_NAMES, "id");
    private static final int RUN_ID = position(COLUMN_NAMES, "run_id");
    private static final int SESSION_ID = position(COLUMN_NAMES, "session_id");
    private static final int STATUS = position(COLUMN_NAMES, "status");
    private static final int CREATED_AT = position(COLUMN_NAMES, "created_at");
    private static final int RESPONDED_AT = position(COLUMN_NAMES, "responded_at");
    private static final int TOOL_NAME = position(COLUMN_NAMES, "tool_name");
    private static final int TOOL_INPUT = position(COLUMN_NAMES, "tool_input");
    private static final int COMMENT = position(COLUMN_NAMES, "comment");
    private static final int TOOL_USE_ID = position(COLUMN_NAMES, "tool_use_id");
    private static final int DECIDED_BY = position(COLUMN_NAMES, "decided_by");
    private static final int RULE_ID = position(COLUMN_NAMES, "rule_id");

    public void insert(Connection c, ApprovalRow a) throws SQLException {
        Sql.update(c, "INSERT INTO approvals (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(), a.runId(), a.sessionId(), a.status(), a.createdAt(), a.respondedAt(), a.toolName(),
                a.toolInputJson(), a.comment(), a.toolUseId(), a.decidedBy(), a.ruleId());
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
        return Sql.one(c, "SELECT MAX(responded_at) FROM approvals WHERE session_id = ?", rs -> instant(rs, 1),
                sessionId);
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
        return decide(c, id, status, comment, decidedBy, null, now);
    }

    /** As {@link #decide(Connection, String, ApprovalStatus, String, String, Instant)}, naming the deciding rule. */
    public boolean decide(Connection c, String id, ApprovalStatus status, String comment, String decidedBy,
                          String ruleId, Instant now) throws SQLException {
        return Sql.update(c, "UPDATE approvals SET status = ?, comment = ?, decided_by = ?, rule_id = ?,"
                + " responded_at = ? WHERE id = ? AND status = 'pending'", status, comment, decidedBy, ruleId, now,
                id) == 1;
    }

    /** Decided approvals, newest first, of one session or (sessionId null) of all; at most {@code limit}. */
    public List<ApprovalRow> decided(Connection c, String sessionId, int limit) throws SQLException {
        if (sessionId == null) {
            return Sql.list(c, "SELECT " + COLUMNS + " FROM approvals WHERE status <> 'pending'"
                    + " ORDER BY responded_at DESC, rowid DESC LIMIT ?", ApprovalRepository::map, limit);
        }
        return Sql.list(c, "SELECT " + COLUMNS + " FROM approvals WHERE session_id = ? AND status <> 'pending'"
                + " ORDER BY responded_at DESC, rowid DESC LIMIT ?", ApprovalRepository::map, sessionId, limit);
    }

    static ApprovalRow map(ResultSet rs) throws SQLException {
        return new ApprovalRow(rs.getString(ID), rs.getString(RUN_ID), rs.getString(SESSION_ID),
                ApprovalStatus.fromWire(rs.getString(STATUS)), instant(rs, CREATED_AT), instant(rs, RESPONDED_AT),
                rs.getString(TOOL_NAME), rs.getString(TOOL_INPUT), rs.getString(COMMENT), rs.getString(TOOL_USE_ID),
                rs.getString(DECIDED_BY), rs.getString(RULE_ID));
    }
}
