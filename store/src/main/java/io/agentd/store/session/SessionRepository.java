package io.agentd.store.session;

import io.agentd.store.jdbc.JsonLists;
import io.agentd.store.jdbc.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static io.agentd.store.jdbc.ResultColumns.bool;
import static io.agentd.store.jdbc.ResultColumns.doubleOrNull;
import static io.agentd.store.jdbc.ResultColumns.instant;
import static io.agentd.store.jdbc.ResultColumns.intOrNull;
import static io.agentd.store.jdbc.ResultColumns.longOrNull;
import static io.agentd.store.jdbc.ResultColumns.position;

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
    // Positions in every SELECT below, which all list COLUMN_NAMES in this order.
    private static final int ID = position(COLUMN_NAMES, "id");
    private static final int RUN_ID = position(COLUMN_NAMES, "run_id");
    private static final int CLAUDE_SESSION_ID = position(COLUMN_NAMES, "claude_session_id");
    private static final int PARENT_SESSION_ID = position(COLUMN_NAMES, "parent_session_id");
    private static final int STATUS = position(COLUMN_NAMES, "status");
    private static final int QUERY = position(COLUMN_NAMES, "query");
    private static final int SUMMARY = position(COLUMN_NAMES, "summary");
    private static final int TITLE = position(COLUMN_NAMES, "title");
    private static final int MODEL = position(COLUMN_NAMES, "model");
    private static final int MODEL_ID = position(COLUMN_NAMES, "model_id");
    private static final int WORKING_DIR = position(COLUMN_NAMES, "working_dir");
    private static final int MAX_TURNS = position(COLUMN_NAMES, "max_turns");
    private static final int SYSTEM_PROMPT = position(COLUMN_NAMES, "system_prompt");
    private static final int APPEND_SYSTEM_PROMPT = position(COLUMN_NAMES, "append_system_prompt");
    private static final int CUSTOM_INSTRUCTIONS = position(COLUMN_NAMES, "custom_instructions");
    private static final int PERMISSION_PROMPT_TOOL = position(COLUMN_NAMES, "permission_prompt_tool");
    private static final int ALLOWED_TOOLS = position(COLUMN_NAMES, "allowed_tools");
    private static final int DISALLOWED_TOOLS = position(COLUMN_NAMES, "disallowed_tools");
    private static final int ADDITIONAL_DIRECTORIES = position(COLUMN_NAMES, "additional_directories");
    private static final int CREATED_AT = position(COLUMN_NAMES, "created_at");
    private static final int LAST_ACTIVITY_AT = position(COLUMN_NAMES, "last_activity_at");
    private static final int COMPLETED_AT = position(COLUMN_NAMES, "completed_at");
    private static final int COST_USD = position(COLUMN_NAMES, "cost_usd");
    private static final int DURATION_MS = position(COLUMN_NAMES, "duration_ms");
    private static final int DURATION_API_MS = position(COLUMN_NAMES, "duration_api_ms");
    private static final int NUM_TURNS = position(COLUMN_NAMES, "num_turns");
    private static final int RESULT_CONTENT = position(COLUMN_NAMES, "result_content");
    private static final int ERROR_MESSAGE = position(COLUMN_NAMES, "error_message");
    private static final int INPUT_TOKENS = position(COLUMN_NAMES, "input_tokens");
    private static final int OUTPUT_TOKENS = position(COLUMN_NAMES, "output_tokens");
    private static final int CACHE_CREATION_INPUT_TOKENS = position(COLUMN_NAMES, "cache_creation_input_tokens");
    private static final int CACHE_READ_INPUT_TOKENS = position(COLUMN_NAMES, "cache_read_input_tokens");
    private static final int EFFECTIVE_CONTEXT_TOKENS = position(COLUMN_NAMES, "effective_context_tokens");
    private static final int CONTEXT_WINDOW = position(COLUMN_NAMES, "context_window");
    private static final int AUTO_ACCEPT_EDITS = position(COLUMN_NAMES, "auto_accept_edits");
    private static final int DANGEROUSLY_SKIP_PERMISSIONS = position(COLUMN_NAMES, "dangerously_skip_permissions");
    private static final int DANGEROUSLY_SKIP_PERMISSIONS_EXPIRES_AT = position(COLUMN_NAMES, "dangerously_skip_permissions_expires_at");
    private static final int DANGEROUSLY_SKIP_PERMISSIONS_TIMEOUT_MS = position(COLUMN_NAMES, "dangerously_skip_permissions_timeout_ms");
    private static final int ARCHIVED = position(COLUMN_NAMES, "archived");
    private static final int PROXY_ENABLED = position(COLUMN_NAMES, "proxy_enabled");
    private static final int PROXY_BASE_URL = position(COLUMN_NAMES, "proxy_base_url");
    private static final int PROXY_MODEL_OVERRIDE = position(COLUMN_NAMES, "proxy_model_override");
    private static final int PROXY_API_KEY = position(COLUMN_NAMES, "proxy_api_key");
    private static final int EDITOR_STATE = position(COLUMN_NAMES, "editor_state");

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
        List<SessionRow> rows = new ArrayList<>();
        list(c, rows::add);
        return rows;
    }

    /**
     * All sessions, most recently active first, each handed to {@code sink} as soon as it is read: lets a
     * caller pass rows on while the query still runs.
     */
    public void list(Connection c, Consumer<SessionRow> sink) throws SQLException {
        forEach(c, "SELECT " + COLUMNS + " FROM sessions ORDER BY last_activity_at DESC, created_at DESC", sink);
    }

    /** Sessions no other session continues, filtered, most recently active first. */
    public List<SessionRow> leaves(Connection c, LeafFilter filter) throws SQLException {
        List<SessionRow> rows = new ArrayList<>();
        leaves(c, filter, rows::add);
        return rows;
    }

    /** {@link #leaves(Connection, LeafFilter)}, each handed to {@code sink} as soon as it is read. */
    public void leaves(Connection c, LeafFilter filter, Consumer<SessionRow> sink) throws SQLException {
        String where = switch (filter) {
            case NORMAL -> " AND s.archived = 0 AND s.status <> 'draft'";
            case ARCHIVED -> " AND s.archived = 1";
            case DRAFT -> " AND s.status = 'draft' AND s.archived = 0";
            case ALL -> "";
        };
        forEach(c, "SELECT " + columns("s.") + " FROM sessions s"
                + " WHERE NOT EXISTS (SELECT 1 FROM sessions k WHERE k.parent_session_id = s.id)" + where
                + " ORDER BY s.last_activity_at DESC, s.created_at DESC", sink);
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
                rs -> new RecentPath(rs.getString(1), instant(rs, 2), rs.getLong(3)),
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

    private static void forEach(Connection c, String sql, Consumer<SessionRow> sink) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                sink.accept(map(rs));
            }
        }
    }

    private static String columns(String prefix) {
        return COLUMN_NAMES.stream().map(n -> prefix + n).collect(Collectors.joining(", "));
    }

    static SessionRow map(ResultSet rs) throws SQLException {
        return new SessionRow(
                rs.getString(ID), rs.getString(RUN_ID), rs.getString(CLAUDE_SESSION_ID),
                rs.getString(PARENT_SESSION_ID), SessionStatus.fromWire(rs.getString(STATUS)),
                rs.getString(QUERY), rs.getString(SUMMARY), rs.getString(TITLE), rs.getString(MODEL),
                rs.getString(MODEL_ID), rs.getString(WORKING_DIR),
                new LaunchConfig(intOrNull(rs, MAX_TURNS), rs.getString(SYSTEM_PROMPT),
                        rs.getString(APPEND_SYSTEM_PROMPT), rs.getString(CUSTOM_INSTRUCTIONS),
                        rs.getString(PERMISSION_PROMPT_TOOL), JsonLists.read(rs.getString(ALLOWED_TOOLS)),
                        JsonLists.read(rs.getString(DISALLOWED_TOOLS)),
                        JsonLists.read(rs.getString(ADDITIONAL_DIRECTORIES))),
                instant(rs, CREATED_AT), instant(rs, LAST_ACTIVITY_AT), instant(rs, COMPLETED_AT),
                new SessionOutcome(doubleOrNull(rs, COST_USD), longOrNull(rs, DURATION_MS),
                        longOrNull(rs, DURATION_API_MS), intOrNull(rs, NUM_TURNS),
                        rs.getString(RESULT_CONTENT), rs.getString(ERROR_MESSAGE)),
                new TokenCounts(longOrNull(rs, INPUT_TOKENS), longOrNull(rs, OUTPUT_TOKENS),
                        longOrNull(rs, CACHE_CREATION_INPUT_TOKENS), longOrNull(rs, CACHE_READ_INPUT_TOKENS),
                        longOrNull(rs, EFFECTIVE_CONTEXT_TOKENS), longOrNull(rs, CONTEXT_WINDOW)),
                new PermissionSettings(bool(rs, AUTO_ACCEPT_EDITS), bool(rs, DANGEROUSLY_SKIP_PERMISSIONS),
                        instant(rs, DANGEROUSLY_SKIP_PERMISSIONS_EXPIRES_AT),
                        longOrNull(rs, DANGEROUSLY_SKIP_PERMISSIONS_TIMEOUT_MS)),
                bool(rs, ARCHIVED),
                new ProxySettings(bool(rs, PROXY_ENABLED), rs.getString(PROXY_BASE_URL),
                        rs.getString(PROXY_MODEL_OVERRIDE), rs.getString(PROXY_API_KEY)),
                rs.getString(EDITOR_STATE));
    }
}
