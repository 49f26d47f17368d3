package io.agentd.store.conversation;

import io.agentd.store.jdbc.MultiRowInsert;
import io.agentd.store.jdbc.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.agentd.store.jdbc.ResultColumns.bool;
import static io.agentd.store.jdbc.ResultColumns.instant;
import static io.agentd.store.jdbc.ResultColumns.position;

/** SQL for {@code conversation_events}. Stateless; every method runs on the connection it is given. */
public final class ConversationRepository {
    private static final MultiRowInsert INSERT_ALL = new MultiRowInsert("""
            INSERT INTO conversation_events (session_id, claude_session_id, sequence, event_type, created_at, role,
                content, tool_id, tool_name, tool_input_json, tool_result_for_id, tool_result_content,
                parent_tool_use_id)""", 13, "id");
    private static final List<String> COLUMN_NAMES = List.of(
            "id", "session_id", "claude_session_id", "sequence", "event_type", "created_at", "role", "content", "tool_id",
            "tool_name", "tool_input_json", "tool_result_for_id", "tool_result_content", "is_completed",
            "approval_status", "approval_id", "parent_tool_use_id");
    private static final String COLUMNS = String.join(", ", COLUMN_NAMES);
    // Positions in every SELECT below, which all list COLUMN_NAMES in this order.
    private static final int ID = position(COLUMN_NAMES, "id");
    private static final int SESSION_ID = position(COLUMN_NAMES, "session_id");
    private static final int CLAUDE_SESSION_ID = position(COLUMN_NAMES, "claude_session_id");
    private static final int SEQUENCE = position(COLUMN_NAMES, "sequence");
    private static final int EVENT_TYPE = position(COLUMN_NAMES, "event_type");
    private static final int CREATED_AT = position(COLUMN_NAMES, "created_at");
    private static final int ROLE = position(COLUMN_NAMES, "role");
    private static final int CONTENT = position(COLUMN_NAMES, "content");
    private static final int TOOL_ID = position(COLUMN_NAMES, "tool_id");
    private static final int TOOL_NAME = position(COLUMN_NAMES, "tool_name");
    private static final int TOOL_INPUT_JSON = position(COLUMN_NAMES, "tool_input_json");
    private static final int TOOL_RESULT_FOR_ID = position(COLUMN_NAMES, "tool_result_for_id");
    private static final int TOOL_RESULT_CONTENT = position(COLUMN_NAMES, "tool_result_content");
    private static final int IS_COMPLETED = position(COLUMN_NAMES, "is_completed");
    private static final int APPROVAL_STATUS = position(COLUMN_NAMES, "approval_status");
    private static final int APPROVAL_ID = position(COLUMN_NAMES, "approval_id");
    private static final int PARENT_TOOL_USE_ID = position(COLUMN_NAMES, "parent_tool_use_id");

    /** Appends with the next sequence number of the session (call on the writer connection). */
    public ConversationEventRow append(Connection c, NewConversationEvent e) throws SQLException {
        return appendAll(c, List.of(e), nextSequence(c, e.sessionId())).getFirst();
    }

    /**
     * Appends events numbered {@code firstSequence}, {@code firstSequence + 1}, … in list order, many per
     * statement; returns them as stored.
     */
    public List<ConversationEventRow> appendAll(Connection c, List<NewConversationEvent> events, long firstSequence)
            throws SQLException {
        long[] ids = INSERT_ALL.insertReturningKeys(c, events, new MultiRowInsert.RowValues<>() {
            private long sequence = firstSequence;

            @Override
            public Object[] of(NewConversationEvent e) {
                return new Object[]{e.sessionId(), e.claudeSessionId(), sequence++, e.eventType(), e.createdAt(),
                        e.role(), e.content(), e.toolId(), e.toolName(), e.toolInputJson(), e.toolResultForId(),
                        e.toolResultContent(), e.parentToolUseId()};
            }
        });
        List<ConversationEventRow> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            NewConversationEvent e = events.get(i);
            out.add(new ConversationEventRow(ids[i], e.sessionId(), e.claudeSessionId(), firstSequence + i, e.eventType(),
                    e.createdAt(), e.role(), e.content(), e.toolId(), e.toolName(), e.toolInputJson(),
                    e.toolResultForId(), e.toolResultContent(), false, null, null, e.parentToolUseId()));
        }
        return out;
    }

    /** The sequence number the next event of a session gets: 1 for a session without events. */
    public long nextSequence(Connection c, String sessionId) throws SQLException {
        return Sql.count(c, "SELECT COALESCE(MAX(sequence), 0) + 1 FROM conversation_events WHERE session_id = ?",
                sessionId);
    }

    /** The events of one session in sequence order. */
    public List<ConversationEventRow> bySession(Connection c, String sessionId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM conversation_events WHERE session_id = ? ORDER BY sequence",
                ConversationRepository::map, sessionId);
    }

    /**
     * The events of one session with a sequence in {@code (afterSequence, throughSequence]}, in sequence
     * order: one page of a long conversation. Sequences are dense, so the page's size is known before it is
     * read, and several pages can be read at the same time; the {@code (session_id, sequence)} index makes
     * a page cost the same anywhere in the conversation.
     */
    public List<ConversationEventRow> range(Connection c, String sessionId, long afterSequence, long throughSequence)
            throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM conversation_events"
                        + " WHERE session_id = ? AND sequence > ? AND sequence <= ? ORDER BY sequence",
                ConversationRepository::map, sessionId, afterSequence, throughSequence);
    }

    /** The highest sequence number of a session's events, 0 when it has none. */
    public long lastSequence(Connection c, String sessionId) throws SQLException {
        return Sql.count(c, "SELECT COALESCE(MAX(sequence), 0) FROM conversation_events WHERE session_id = ?",
                sessionId);
    }

    /** The event with this id. */
    public Optional<ConversationEventRow> find(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM conversation_events WHERE id = ?", ConversationRepository::map, id);
    }

    public long count(Connection c, String sessionId) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM conversation_events WHERE session_id = ?", sessionId);
    }

    public Optional<ConversationEventRow> findToolCall(Connection c, String sessionId, String toolId) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM conversation_events"
                        + " WHERE session_id = ? AND tool_id = ? AND event_type = 'tool_call' ORDER BY sequence LIMIT 1",
                ConversationRepository::map, sessionId, toolId);
    }

    /**
     * Marks the calls of {@code toolId} numbered before {@code before} completed: what a result numbered
     * {@code before} answers, also when it is written after rows that came later.
     */
    public void markToolCompleted(Connection c, String sessionId, String toolId, long before) throws SQLException {
        // Without INDEXED BY the bound on sequence can steer the planner to the (session_id, sequence) index,
        // which scans every earlier row of the session: quadratic over a long conversation.
        Sql.update(c, "UPDATE conversation_events INDEXED BY idx_conversation_tool SET is_completed = 1"
                + " WHERE session_id = ? AND tool_id = ? AND event_type = 'tool_call' AND sequence < ?",
                sessionId, toolId, before);
    }

    /** Gives events stored before the Claude session id was known (the injected query) that id. */
    public void backfillClaudeSessionId(Connection c, String sessionId, String claudeSessionId) throws SQLException {
        Sql.update(c, "UPDATE conversation_events SET claude_session_id = ? WHERE session_id = ? AND claude_session_id IS NULL",
                claudeSessionId, sessionId);
    }

    /** Links a tool call to an approval; zero rows is normal when the call is not stored yet. */
    public int linkApproval(Connection c, String sessionId, String toolId, String approvalId, String approvalStatus)
            throws SQLException {
        return Sql.update(c, """
                UPDATE conversation_events SET approval_status = ?, approval_id = ?
                WHERE session_id = ? AND tool_id = ? AND event_type = 'tool_call' AND approval_id IS NULL""",
                approvalStatus, approvalId, sessionId, toolId);
    }

    /**
     * hld's best-effort link for an approval without a tool use id: the newest uncompleted call of that tool
     * in the session that has no approval yet.
     */
    public int linkLatestApproval(Connection c, String sessionId, String toolName, String approvalId,
                                  String approvalStatus) throws SQLException {
        return Sql.update(c, """
                UPDATE conversation_events SET approval_status = ?, approval_id = ?
                WHERE id = (SELECT id FROM conversation_events
                            WHERE session_id = ? AND tool_name = ? AND event_type = 'tool_call' AND is_completed = 0
                              AND approval_id IS NULL
                            ORDER BY sequence DESC LIMIT 1)""",
                approvalStatus, approvalId, sessionId, toolName);
    }

    public int setApprovalStatus(Connection c, String approvalId, String approvalStatus) throws SQLException {
        return Sql.update(c, "UPDATE conversation_events SET approval_status = ? WHERE approval_id = ?",
                approvalStatus, approvalId);
    }

    static ConversationEventRow map(ResultSet rs) throws SQLException {
        return new ConversationEventRow(rs.getLong(ID), rs.getString(SESSION_ID), rs.getString(CLAUDE_SESSION_ID),
                rs.getLong(SEQUENCE), EventType.fromWire(rs.getString(EVENT_TYPE)), instant(rs, CREATED_AT),
                rs.getString(ROLE), rs.getString(CONTENT), rs.getString(TOOL_ID), rs.getString(TOOL_NAME),
                rs.getString(TOOL_INPUT_JSON), rs.getString(TOOL_RESULT_FOR_ID), rs.getString(TOOL_RESULT_CONTENT),
                bool(rs, IS_COMPLETED), rs.getString(APPROVAL_STATUS), rs.getString(APPROVAL_ID),
                rs.getString(PARENT_TOOL_USE_ID));
    }
}
