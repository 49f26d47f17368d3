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
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static io.agentd.store.jdbc.ResultColumns.bool;
import static io.agentd.store.jdbc.ResultColumns.doubleOrNull;
import static io.agentd.store.jdbc.ResultColumns.instant;
import static io.agentd.store.jdbc.ResultColumns.intOrNull;
import static io.agentd.store.jdbc.ResultColumns.longOrNull;

/** SQL for {@code sessions}. Stateless; every method runs on the connection it is given. */
public final class SessionRepository {
    /**
     * The columns of {@code sessions} this repository writes and reads, in the order of every INSERT and
     * SELECT below: the SQL name is the constant's name in lower case, the position its order here, and the
     * function what an insert stores. A new column is a constant here (and its read in {@link #map}).
     */
    private enum Column {
        ID(SessionRow::id),
        RUN_ID(SessionRow::runId),
        CLAUDE_SESSION_ID(SessionRow::claudeSessionId),
        PARENT_SESSION_ID(SessionRow::parentSessionId),
        STATUS(SessionRow::status),
        QUERY(SessionRow::query),
        SUMMARY(SessionRow::summary),
        TITLE(SessionRow::title),
        MODEL(SessionRow::model),
        MODEL_ID(SessionRow::modelId),
        WORKING_DIR(SessionRow::workingDir),
        MAX_TURNS(s -> s.config().maxTurns()),
        SYSTEM_PROMPT(s -> s.config().systemPrompt()),
        APPEND_SYSTEM_PROMPT(s -> s.config().appendSystemPrompt()),
        CUSTOM_INSTRUCTIONS(s -> s.config().customInstructions()),
        PERMISSION_PROMPT_TOOL(s -> s.config().permissionPromptTool()),
        ALLOWED_TOOLS(s -> JsonLists.write(s.config().allowedTools())),
        DISALLOWED_TOOLS(s -> JsonLists.write(s.config().disallowedTools())),
        ADDITIONAL_DIRECTORIES(s -> JsonLists.write(s.config().additionalDirectories())),
        CREATED_AT(SessionRow::createdAt),
        LAST_ACTIVITY_AT(SessionRow::lastActivityAt),
        COMPLETED_AT(SessionRow::completedAt),
        COST_USD(s -> s.outcome().costUsd()),
        DURATION_MS(s -> s.outcome().durationMs()),
        DURATION_API_MS(s -> s.outcome().durationApiMs()),
        NUM_TURNS(s -> s.outcome().numTurns()),
        RESULT_CONTENT(s -> s.outcome().resultContent()),
        ERROR_MESSAGE(s -> s.outcome().errorMessage()),
        INPUT_TOKENS(s -> s.tokens().inputTokens()),
        OUTPUT_TOKENS(s -> s.tokens().outputTokens()),
        CACHE_CREATION_INPUT_TOKENS(s -> s.tokens().cacheCreationInputTokens()),
        CACHE_READ_INPUT_TOKENS(s -> s.tokens().cacheReadInputTokens()),
        EFFECTIVE_CONTEXT_TOKENS(s -> s.tokens().effectiveContextTokens()),
        CONTEXT_WINDOW(s -> s.tokens().contextWindow()),
        AUTO_ACCEPT_EDITS(s -> s.permissions().autoAcceptEdits()),
        DANGEROUSLY_SKIP_PERMISSIONS(s -> s.permissions().dangerouslySkipPermissions()),
        DANGEROUSLY_SKIP_PERMISSIONS_EXPIRES_AT(s -> s.permissions().bypassExpiresAt()),
        DANGEROUSLY_SKIP_PERMISSIONS_TIMEOUT_MS(s -> s.permissions().bypassTimeoutMs()),
        ARCHIVED(SessionRow::archived),
        PROXY_ENABLED(s -> s.proxy().enabled()),
        PROXY_BASE_URL(s -> s.proxy().baseUrl()),
        PROXY_MODEL_OVERRIDE(s -> s.proxy().modelOverride()),
        PROXY_API_KEY(s -> s.proxy().apiKey()),
        EDITOR_STATE(SessionRow::editorState);

        private final String sql = name().toLowerCase(Locale.ROOT);
        /** 1-based position in a SELECT of all columns; mappers read by position (see ResultColumns). */
        private final int at = ordinal() + 1;
        private final Function<SessionRow, Object> value;

        Column(Function<SessionRow, Object> value) {
            this.value = value;
        }

        /** A row as selected with all columns in this order. */
        static SessionRow read(ResultSet rs) throws SQLException {
            return new SessionRow(
                    rs.getString(ID.at), rs.getString(RUN_ID.at), rs.getString(CLAUDE_SESSION_ID.at),
                    rs.getString(PARENT_SESSION_ID.at), SessionStatus.fromWire(rs.getString(STATUS.at)),
                    rs.getString(QUERY.at), rs.getString(SUMMARY.at), rs.getString(TITLE.at), rs.getString(MODEL.at),
                    rs.getString(MODEL_ID.at), rs.getString(WORKING_DIR.at),
                    new LaunchConfig(intOrNull(rs, MAX_TURNS.at), rs.getString(SYSTEM_PROMPT.at),
                            rs.getString(APPEND_SYSTEM_PROMPT.at), rs.getString(CUSTOM_INSTRUCTIONS.at),
                            rs.getString(PERMISSION_PROMPT_TOOL.at), JsonLists.read(rs.getString(ALLOWED_TOOLS.at)),
                            JsonLists.read(rs.getString(DISALLOWED_TOOLS.at)),
                            JsonLists.read(rs.getString(ADDITIONAL_DIRECTORIES.at))),
                    instant(rs, CREATED_AT.at), instant(rs, LAST_ACTIVITY_AT.at), instant(rs, COMPLETED_AT.at),
                    new SessionOutcome(doubleOrNull(rs, COST_USD.at), longOrNull(rs, DURATION_MS.at),
                            longOrNull(rs, DURATION_API_MS.at), intOrNull(rs, NUM_TURNS.at),
                            rs.getString(RESULT_CONTENT.at), rs.getString(ERROR_MESSAGE.at)),
                    new TokenCounts(longOrNull(rs, INPUT_TOKENS.at), longOrNull(rs, OUTPUT_TOKENS.at),
                            longOrNull(rs, CACHE_CREATION_INPUT_TOKENS.at), longOrNull(rs, CACHE_READ_INPUT_TOKENS.at),
                            longOrNull(rs, EFFECTIVE_CONTEXT_TOKENS.at), longOrNull(rs, CONTEXT_WINDOW.at)),
                    new PermissionSettings(bool(rs, AUTO_ACCEPT_EDITS.at), bool(rs, DANGEROUSLY_SKIP_PERMISSIONS.at),
                            instant(rs, DANGEROUSLY_SKIP_PERMISSIONS_EXPIRES_AT.at),
                            longOrNull(rs, DANGEROUSLY_SKIP_PERMISSIONS_TIMEOUT_MS.at)),
                    bool(rs, ARCHIVED.at),
                    new ProxySettings(bool(rs, PROXY_ENABLED.at), rs.getString(PROXY_BASE_URL.at),
                            rs.getString(PROXY_MODEL_OVERRIDE.at), rs.getString(PROXY_API_KEY.at)),
                    rs.getString(EDITOR_STATE.at));
        }
    }

    private static final List<Column> ALL = List.of(Column.values());
    private static final String COLUMNS = columns("");
    private static final String INSERT = "INSERT INTO sessions (" + COLUMNS + ") VALUES ("
            + "?, ".repeat(ALL.size() - 1) + "?)";

    public void insert(Connection c, SessionRow s) throws SQLException {
        Object[] values = new Object[ALL.size()];
        for (Column column : ALL) {
            values[column.at - 1] = column.value.apply(s);
        }
        Sql.update(c, INSERT, values);
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
        return ALL.stream().map(column -> prefix + column.sql).collect(Collectors.joining(", "));
    }

    static SessionRow map(ResultSet rs) throws SQLException {
        return Column.read(rs);
    }
}
