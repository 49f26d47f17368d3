package io.agentd.store.rule;

import io.agentd.store.jdbc.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static io.agentd.store.jdbc.ResultColumns.instant;
import static io.agentd.store.jdbc.ResultColumns.position;

/** SQL for {@code permission_rules}. */
public final class RuleRepository {
    private static final List<String> COLUMN_NAMES = List.of("id", "rule", "decision", "scope", "working_dir",
            "session_id", "comment", "expires_at", "created_by", "created_at");
    private static final String COLUMNS = String.join(", ", COLUMN_NAMES);
    private static final int ID = position(COLUMN_NAMES, "id");
    private static final int RULE = position(COLUMN_NAMES, "rule");
    private static final int DECISION = position(COLUMN_NAMES, "decision");
    private static final int SCOPE = position(COLUMN_NAMES, "scope");
    private static final int WORKING_DIR = position(COLUMN_NAMES, "working_dir");
    private static final int SESSION_ID = position(COLUMN_NAMES, "session_id");
    private static final int COMMENT = position(COLUMN_NAMES, "comment");
    private static final int EXPIRES_AT = position(COLUMN_NAMES, "expires_at");
    private static final int CREATED_BY = position(COLUMN_NAMES, "created_by");
    private static final int CREATED_AT = position(COLUMN_NAMES, "created_at");

    public void insert(Connection c, RuleRow r) throws SQLException {
        Sql.update(c, "INSERT INTO permission_rules (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.rule(), r.decision(), r.scope(), r.workingDir(), r.sessionId(), r.comment(), r.expiresAt(),
                r.createdBy(), r.createdAt());
    }

    public Optional<RuleRow> find(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM permission_rules WHERE id = ?", RuleRepository::map, id);
    }

    /** Every rule, oldest first. */
    public List<RuleRow> all(Connection c) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM permission_rules ORDER BY created_at, id", RuleRepository::map);
    }

    /** Deletes one rule; false when there was none with that id. */
    public boolean delete(Connection c, String id) throws SQLException {
        return Sql.update(c, "DELETE FROM permission_rules WHERE id = ?", id) == 1;
    }

    static RuleRow map(ResultSet rs) throws SQLException {
        return new RuleRow(rs.getString(ID), rs.getString(RULE), rs.getString(DECISION), rs.getString(SCOPE),
                rs.getString(WORKING_DIR), rs.getString(SESSION_ID), rs.getString(COMMENT), instant(rs, EXPIRES_AT),
                rs.getString(CREATED_BY), instant(rs, CREATED_AT));
    }
}
