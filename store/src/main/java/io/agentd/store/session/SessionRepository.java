package io.agentd.store.session;

import io.agentd.store.jdbc.JsonLists;
import io.agentd.store.jdbc.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** SQL for {@code sessions}. Stateless; every method runs on the connection it is given. */
public final class SessionRepository {
    private static final List<String> COLUMN_NAMES = List.of(
            "id", "run_id", "claude_session_id", "parent_session_id", "status", "query", "summary", "title", "model",
            "model_id", "working_dir", "max_turns", "system_prompt", "append_system_prompt", "custom_instructions",
            "permission_prompt_tool", "allowed_tools", "disallowed_tools", "additional_directories", "created_at",
            "last_activity_at", "completed_at", "cost_usd", "duration_ms", "duration_api_ms", "num_turns",
            "result_content", "error_message", "input_tokens", "output_tokens", "cache_creation_input_tokens",
            "cache_read_input_tokens", "effective_context_tokens", "context_window", "auto_accept_edits",
            "dangerously_skip_permissions", "dangerously_skip_permissions_expires_at",
            "dangerously_skip_permissions_timeout_ms", "archived", "proxy_enabled", "proxy_base_url",
            "proxy_model_override", "proxy_api_key", "editor_state");
    private static final String COLUMNS = columns("");

    public void insert(Connection c, SessionRow s) throws SQLException {
        LaunchConfig cfg = s.config();
        SessionOutcome o = s.outcome();
        TokenCounts t = s.tokens();
        PermissionSettings p = s.permissions();
        ProxySettings x = s.proxy();
        Sql.update(c, "INSERT INTO sessions (" + COLUMNS + ") VALUES (" + "?, ".repeat(COLUMN_NAMES.size() - 1) + "?)",
                s.id(), s.runId(), s.claudeSessionId(), s.parentSessionId(), s.status(), s.query(), s.summary(),
                s.title(), s.model(), s.modelId(), s.workingDir(), cfg.maxTurns(), cfg.systemPrompt(),
                cfg.appendSystemPrompt(), cfg.customInstructions(), cfg.permissionPromptTool(),
                JsonLists.write(cfg.allowedTools()), JsonLists.write(cfg.disallowedTools()),
                JsonLists.write(cfg.additionalDirectories()), s.createdAt(), s.lastActivityAt(), s.completedAt(),
                o.costUsd(), o.durationMs(), o.durationApiMs(), o.numTurns(), o.resultContent(), o.errorMessage(),
                t.inputTokens(), t.outputTokens(), t.cacheCreationInputTokens(), t.cacheReadInputTokens(),
                t.effectiveContextTokens(), t.contextWindow(), p.autoAcceptEdits(), p.dangerouslySkipPermissions(),
                p.bypassExpiresAt(), p.bypassTimeoutMs(), s.archived(), x.enabled(), x.baseUrl(), x.modelOverride(),
                x.apiKey(), s.editorState());
    }

    public Optional<SessionRow> find(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM sessions WHERE id = ?", SessionRepository::map, id);
    }

    public Optional<SessionRow> findByRunId(Connection c, String runId) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM sessions WHERE run_id = ?", SessionRepository::map, runId);
    }

    /** Sessions in one of {@code statuses} whose bypass permission expired at or before {@code now}. */
    public List<SessionRow> withExpiredBypass(Connection c, Collection<SessionStatus> statuses, Instant now)
            throws SQLException {
        if (statuses.isEmpty()) {
            return List.of();
        }
        String in = statuses.stream().map(s -> "'" + s.dbValue() + "'").collect(Collectors.joining(", "));
        return Sql.list(c, "SELECT " + COLUMNS + " FROM sessions WHERE dangerously_skip_permissions = 1"
                        + " AND dangerously_skip_permissions_expires_at IS NOT NULL"
                        + " AND dangerously_skip_permissions_expires_at <= ? AND status IN (" + in + ") ORDER BY created_at",
                SessionRepository::map, now);
    }

    /** The session whose Claude conversation has this id (the newest, should a resume ever share it). */
    public Optional<SessionRow> findByClaudeSessionId(Connection c, String claudeSessionId) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM sessions WHERE claude_session_id = ? ORDER BY created_at DESC LIMIT 1",
                SessionRepository::map, claudeSessionId);
    }

    /** All sessions, most recently active first. */
    public List<SessionRow> list(Connection c) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM sessions ORDER BY last_activity_at DESC, created_at DESC",
                SessionRepository::map);
    }

    /** Sessions no other session continues, filtered, most recently active first. */
    public List<SessionRow> leaves(Connection c, LeafFilter filter) throws SQLException {
        String where = switch (filter) {
            case NORMAL -> " AND s.archived = 0 AND s.status <> 'draft'";
            case ARCHIVED -> " AND s.archived = 1";
            case DRAFT -> " AND s.status = 'draft' AND s.archived = 0";
            case ALL -> "";
        };
        return Sql.list(c, "SELECT " + columns("s.") + " FROM sessions s"
                        + " WHERE NOT EXISTS (SELECT 1 FROM sessions k WHERE k.parent_session_id = s.id)" + where
                        + " ORDER BY s.last_activity_at DESC, s.created_at DESC",
                SessionRepository::map);
    }

    public List<SessionRow> withStatus(Connection c, Collection<SessionStatus> statuses) throws SQLException {
        if (statuses.isEmpty()) {
            return List.of();
        }
        String in = statuses.stream().map(s -> "'" + s.dbValue() + "'").collect(Collectors.joining(", "));
        return Sql.list(c, "SELECT " + COLUMNS + " FROM sessions WHERE status IN (" + in + ") ORDER BY created_at",
                SessionRepository::map);
    }

    /** The parent chain of a session, oldest ancestor first, ending with the session itself. */
    public List<SessionRow> lineage(Connection c, String id) throws SQLException {
        return Sql.list(c, """
                WITH RECURSIVE chain(id, depth) AS (
                    SELECT id, 0 FROM sessions WHERE id = ?
                    UNION ALL
                    SELECT s.parent_session_id, chain.depth + 1 FROM sessions s JOIN chain ON s.id = chain.id
                    WHERE s.parent_session_id IS NOT NULL AND chain.depth < 10000)
                SELECT %s FROM sessions JOIN chain USING (id) ORDER BY chain.depth DESC""".formatted(
                columns("sessions.")), SessionRepository::map, id);
    }

    public List<RecentPath> recentPaths(Connection c, int limit) throws SQLException {
        return Sql.list(c, """
                SELECT working_dir, MAX(last_activity_at) AS last_used, COUNT(*) AS usage_count FROM sessions
                WHERE working_dir IS NOT NULL AND working_dir <> '' AND working_dir <> '.'
                GROUP BY working_dir ORDER BY last_used DESC LIMIT ?""",
                rs -> new RecentPath(rs.getString("working_dir"), Sql.instant(rs, "last_used"), rs.getLong("usage_count")),
                limit);
    }

    /** Moves a session to {@code to} only if its status is one of {@code from}; returns whether it moved. */
    public boolean transition(Connection c, String id, Collection<SessionStatus> from, SessionStatus to, Instant now)
            throws SQLException {
        String in = from.stream().map(s -> "'" + s.dbValue() + "'").collect(Collectors.joining(", "));
        return Sql.update(c, "UPDATE sessions SET status = ?, last_activity_at = ? WHERE id = ? AND status IN (" + in + ")",
                to, now, id) == 1;
    }

    /** Records a terminal status, its outcome and completion time. Null outcome fields keep their value. */
    public void finish(Connection c, String id, SessionStatus status, SessionOutcome o, Instant now) throws SQLException {
        Sql.update(c, """
                UPDATE sessions SET status = ?, completed_at = ?, last_activity_at = ?,
                    cost_usd = COALESCE(?, cost_usd), duration_ms = COALESCE(?, duration_ms),
                    duration_api_ms = COALESCE(?, duration_api_ms), num_turns = COALESCE(?, num_turns),
                    result_content = COALESCE(?, result_content), error_message = COALESCE(?, error_message)
                WHERE id = ?""",
                status, now, now, o.costUsd(), o.durationMs(), o.durationApiMs(), o.numTurns(), o.resultContent(),
                o.errorMessage(), id);
    }

    /** Records what Claude's {@code result} reported while the session is still running. */
    public void setOutcome(Connection c, String id, SessionOutcome o) throws SQLException {
        Sql.update(c, """
                UPDATE sessions SET cost_usd = COALESCE(?, cost_usd), duration_ms = COALESCE(?, duration_ms),
                    duration_api_ms = COALESCE(?, duration_api_ms), num_turns = COALESCE(?, num_turns),
                    result_content = COALESCE(?, result_content), error_message = COALESCE(?, error_message)
                WHERE id = ?""",
                o.costUsd(), o.durationMs(), o.durationApiMs(), o.numTurns(), o.resultContent(), o.errorMessage(), id);
    }

    public void setClaudeSessionId(Connection c, String id, String claudeSessionId) throws SQLException {
        Sql.update(c, "UPDATE sessions SET claude_session_id = ? WHERE id = ?", claudeSessionId, id);
    }

    public void setModel(Connection c, String id, String model, String modelId) throws SQLException {
        Sql.update(c, "UPDATE sessions SET model = COALESCE(model, ?), model_id = ? WHERE id = ?", model, modelId, id);
    }

    /**
     * Stores the latest token counts (a null context window keeps the stored one) and the activity time.
     *
     * @return the session's status, so the caller can describe the change without reading the row back;
     *         empty when there is no such session
     */
    public Optional<SessionStatus> setTokens(Connection c, String id, TokenCounts t, Instant now) throws SQLException {
        return Sql.one(c, """
                UPDATE sessions SET input_tokens = ?, output_tokens = ?, cache_creation_input_tokens = ?,
                    cache_read_input_tokens = ?, effective_context_tokens = ?,
                    context_window = COALESCE(?, context_window), last_activity_at = ?
                WHERE id = ? RETURNING status""", rs -> SessionStatus.fromWire(rs.getString(1)),
                t.inputTokens(), t.outputTokens(), t.cacheCreationInputTokens(), t.cacheReadInputTokens(),
                t.effectiveContextTokens(), t.contextWindow(), now, id);
    }

    public void setContextWindow(Connection c, String id, long contextWindow) throws SQLException {
        Sql.update(c, "UPDATE sessions SET context_window = ? WHERE id = ?", contextWindow, id);
    }

    public void touch(Connection c, String id, Instant now) throws SQLException {
        Sql.update(c, "UPDATE sessions SET last_activity_at = ? WHERE id = ?", now, id);
    }

    public boolean setTitle(Connection c, String id, String title) throws SQLException {
        return Sql.update(c, "UPDATE sessions SET title = ? WHERE id = ?", title == null ? "" : title, id) == 1;
    }

    public boolean setArchived(Connection c, String id, boolean archived) throws SQLException {
        return Sql.update(c, "UPDATE sessions SET archived = ? WHERE id = ?", archived, id) == 1;
    }

    public boolean setPermissions(Connection c, String id, PermissionSettings p) throws SQLException {
        return Sql.update(c, """
                UPDATE sessions SET auto_accept_edits = ?, dangerously_skip_permissions = ?,
                    dangerously_skip_permissions_expires_at = ?, dangerously_skip_permissions_timeout_ms = ?
                WHERE id = ?""",
                p.autoAcceptEdits(), p.dangerouslySkipPermissions(), p.bypassExpiresAt(), p.bypassTimeoutMs(), id) == 1;
    }

    public void setError(Connection c, String id, String errorMessage) throws SQLException {
        Sql.update(c, "UPDATE sessions SET error_message = ? WHERE id = ?", errorMessage, id);
    }

    private static String columns(String prefix) {
        return COLUMN_NAMES.stream().map(n -> prefix + n).collect(Collectors.joining(", "));
    }

    static SessionRow map(ResultSet rs) throws SQLException {
        return new SessionRow(
                rs.getString("id"), rs.getString("run_id"), rs.getString("claude_session_id"),
                rs.getString("parent_session_id"), SessionStatus.fromWire(rs.getString("status")),
                rs.getString("query"), rs.getString("summary"), rs.getString("title"), rs.getString("model"),
                rs.getString("model_id"), rs.getString("working_dir"),
                new LaunchConfig(Sql.intOrNull(rs, "max_turns"), rs.getString("system_prompt"),
                        rs.getString("append_system_prompt"), rs.getString("custom_instructions"),
                        rs.getString("permission_prompt_tool"), JsonLists.read(rs.getString("allowed_tools")),
                        JsonLists.read(rs.getString("disallowed_tools")),
                        JsonLists.read(rs.getString("additional_directories"))),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "last_activity_at"), Sql.instant(rs, "completed_at"),
                new SessionOutcome(Sql.doubleOrNull(rs, "cost_usd"), Sql.longOrNull(rs, "duration_ms"),
                        Sql.longOrNull(rs, "duration_api_ms"), Sql.intOrNull(rs, "num_turns"),
                        rs.getString("result_content"), rs.getString("error_message")),
                new TokenCounts(Sql.longOrNull(rs, "input_tokens"), Sql.longOrNull(rs, "output_tokens"),
                        Sql.longOrNull(rs, "cache_creation_input_tokens"), Sql.longOrNull(rs, "cache_read_input_tokens"),
                        Sql.longOrNull(rs, "effective_context_tokens"), Sql.longOrNull(rs, "context_window")),
                new PermissionSettings(Sql.bool(rs, "auto_accept_edits"), Sql.bool(rs, "dangerously_skip_permissions"),
                        Sql.instant(rs, "dangerously_skip_permissions_expires_at"),
                        Sql.longOrNull(rs, "dangerously_skip_permissions_timeout_ms")),
                Sql.bool(rs, "archived"),
                new ProxySettings(Sql.bool(rs, "proxy_enabled"), rs.getString("proxy_base_url"),
                        rs.getString("proxy_model_override"), rs.getString("proxy_api_key")),
                rs.getString("editor_state"));
    }
}
