package io.agentd.daemon.bus;

import io.agentd.daemon.session.SessionEvents;
import io.agentd.store.Tx;
import io.agentd.store.conversation.ConversationEventRow;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.session.TokenCounts;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Turns session changes into bus events with hld's payloads. Beyond hld, every event of a session carries
 * its {@code run_id}, and transitions hld leaves silent (failed, waiting_input, back to running,
 * orphans, archive) are published too.
 */
public final class SessionEventPublisher implements SessionEvents {
    private static final JsonMapper MAPPER = io.agentd.daemon.json.JsonMappers.daemon();

    private final EventLog log;

    public SessionEventPublisher(EventLog log) {
        this.log = requireNonNull(log, "log is null");
    }

    @Override
    public void statusChanged(Tx tx, SessionRow s, SessionStatus from, SessionStatus to) throws SQLException {
        ObjectNode data = base(s);
        data.put("old_status", from.wireName());
        data.put("new_status", to.wireName());
        if (s.parentSessionId() != null && from == SessionStatus.STARTING) {
            data.put("parent_session_id", s.parentSessionId());
        }
        if (to == SessionStatus.FAILED && s.outcome().errorMessage() != null) {
            data.put("error", s.outcome().errorMessage());
        }
        log.publish(tx, BusEventType.SESSION_STATUS_CHANGED, s.id(), s.runId(), data);
    }

    @Override
    public void conversationAppended(Tx tx, String runId, List<ConversationEventRow> events) throws SQLException {
        List<EventLog.Draft> drafts = new ArrayList<>(events.size());
        for (ConversationEventRow e : events) {
            drafts.add(new EventLog.Draft(BusEventType.CONVERSATION_UPDATED, e.sessionId(), runId, conversationData(runId, e)));
        }
        log.publishAll(tx, drafts);
    }

    private static ObjectNode conversationData(String runId, ConversationEventRow e) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("session_id", e.sessionId());
        data.put("run_id", runId);
        data.put("claude_session_id", nullToEmpty(e.claudeSessionId()));
        data.put("parent_tool_use_id", nullToEmpty(e.parentToolUseId()));
        data.put("event_type", e.eventType().wireName());
        data.put("sequence", e.sequence());
        switch (e.eventType()) {
            case MESSAGE -> {
                data.put("role", e.role());
                data.put("content", e.content());
                data.put("content_type", "text");
            }
            case TOOL_CALL -> {
                data.put("tool_id", e.toolId());
                data.put("tool_name", e.toolName());
                data.set("tool_input", e.toolInputJson() == null ? MAPPER.nullNode() : MAPPER.readTree(e.toolInputJson()));
                data.put("content_type", "tool_use");
            }
            case TOOL_RESULT -> {
                data.put("tool_result_for_id", e.toolResultForId());
                data.put("tool_result_content", e.toolResultContent());
                data.put("content_type", "tool_result");
            }
            case THINKING -> {
                data.put("role", e.role());
                data.put("content", e.content());
                data.put("content_type", "thinking");
            }
            case SYSTEM -> {
                data.put("subtype", e.role());
                data.put("content", e.content());
                data.put("content_type", "system");
            }
        }
        return data;
    }

    @Override
    public void tokensUpdated(Tx tx, String sessionId, String runId, SessionStatus status, TokenCounts tokens)
            throws SQLException {
        // hld's shape: a status event that does not change the status; desktop UIs rely on new_status in it.
        ObjectNode data = MAPPER.createObjectNode();
        data.put("session_id", sessionId);
        data.put("run_id", runId);
        data.put("old_status", status.wireName());
        data.put("new_status", status.wireName());
        data.put("reason", "token_update");
        putIfPresent(data, "input_tokens", tokens.inputTokens());
        putIfPresent(data, "output_tokens", tokens.outputTokens());
        putIfPresent(data, "effective_context_tokens", tokens.effectiveContextTokens());
        log.publish(tx, BusEventType.SESSION_STATUS_CHANGED, sessionId, runId, data);
    }

    @Override
    public void titleChanged(Tx tx, SessionRow s) throws SQLException {
        ObjectNode data = base(s);
        data.put("title", s.title());
        log.publish(tx, BusEventType.SESSION_STATUS_CHANGED, s.id(), s.runId(), data);
    }

    @Override
    public void archivedChanged(Tx tx, SessionRow s) throws SQLException {
        ObjectNode data = base(s);
        data.put("archived", s.archived());
        log.publish(tx, BusEventType.SESSION_STATUS_CHANGED, s.id(), s.runId(), data);
    }

    @Override
    public void settingsChanged(Tx tx, SessionRow s, SettingsChange change) throws SQLException {
        ObjectNode data = base(s);
        if (change.reason() == null) {
            data.put("event_type", "settings_updated");
        } else {
            data.put("reason", change.reason());
        }
        if (change.autoAcceptEdits() != null) {
            data.put("auto_accept_edits", change.autoAcceptEdits());
        }
        if (change.dangerouslySkipPermissions() != null) {
            data.put("dangerously_skip_permissions", change.dangerouslySkipPermissions());
        }
        if (change.bypassTimeoutMs() != null) {
            data.put("dangerously_skip_permissions_timeout_ms", change.bypassTimeoutMs());
        }
        if (change.expiredAt() != null) {
            data.put("expired_at", change.expiredAt().toString());
        }
        log.publish(tx, BusEventType.SESSION_SETTINGS_CHANGED, s.id(), s.runId(), data);
    }

    private static ObjectNode base(SessionRow s) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("session_id", s.id());
        data.put("run_id", s.runId());
        return data;
    }

    private static void putIfPresent(ObjectNode data, String field, Long value) {
        if (value != null) {
            data.put(field, value);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
