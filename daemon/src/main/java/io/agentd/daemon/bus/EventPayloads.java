package io.agentd.daemon.bus;

import io.agentd.daemon.json.JsonMappers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code data} object of each event kind, in hld's field names and order plus agentd's additions
 * (docs/events.md). This JSON is what the {@code events} table stores and what every transport sends, so
 * it is built once per event, here and nowhere else.
 */
final class EventPayloads {
    private static final JsonMapper MAPPER = JsonMappers.daemon();

    private EventPayloads() {
    }

    /** The serialized {@code data} of {@code event}. */
    static String json(BusEvent event) {
        return MAPPER.writeValueAsString(data(event));
    }

    private static ObjectNode data(BusEvent event) {
        return switch (event) {
            case BusEvent.StatusChanged e -> {
                ObjectNode data = session(e);
                data.put("old_status", e.from().wireName());
                data.put("new_status", e.to().wireName());
                putIfPresent(data, "parent_session_id", e.parentSessionId());
                putIfPresent(data, "error", e.error());
                yield data;
            }
            case BusEvent.TokensUpdated e -> {
                // hld's shape: a status event that does not change the status; desktop UIs rely on new_status in it.
                ObjectNode data = session(e);
                data.put("old_status", e.status().wireName());
                data.put("new_status", e.status().wireName());
                data.put("reason", "token_update");
                putIfPresent(data, "input_tokens", e.inputTokens());
                putIfPresent(data, "output_tokens", e.outputTokens());
                putIfPresent(data, "effective_context_tokens", e.effectiveContextTokens());
                yield data;
            }
            case BusEvent.TitleChanged e -> {
                ObjectNode data = session(e);
                data.put("title", e.title());
                yield data;
            }
            case BusEvent.ArchivedChanged e -> {
                ObjectNode data = session(e);
                data.put("archived", e.archived());
                yield data;
            }
            case BusEvent.ConversationUpdated e -> conversation(e);
            case BusEvent.SettingsChanged e -> {
                ObjectNode data = session(e);
                if (e.reason() == null) {
                    data.put("event_type", "settings_updated");
                } else {
                    data.put("reason", e.reason());
                }
                if (e.autoAcceptEdits() != null) {
                    data.put("auto_accept_edits", e.autoAcceptEdits());
                }
                if (e.dangerouslySkipPermissions() != null) {
                    data.put("dangerously_skip_permissions", e.dangerouslySkipPermissions());
                }
                putIfPresent(data, "dangerously_skip_permissions_timeout_ms", e.bypassTimeoutMs());
                if (e.expiredAt() != null) {
                    data.put("expired_at", e.expiredAt().toString());
                }
                yield data;
            }
            case BusEvent.NewApproval e -> {
                ObjectNode data = approval(e.approvalId(), e);
                data.put("tool_name", e.toolName());
                yield data;
            }
            case BusEvent.ApprovalResolved e -> {
                ObjectNode data = approval(e.approvalId(), e);
                data.put("approved", e.approved());
                data.put("response_text", e.comment() == null ? "" : e.comment());
                putIfPresent(data, "tool_use_id", e.toolUseId());
                data.put("status", e.status().wireName());
                putIfPresent(data, "decided_by", e.decidedBy());
                putIfPresent(data, "rule_id", e.ruleId());
                yield data;
            }
            case BusEvent.RuleChanged e -> {
                ObjectNode data = MAPPER.createObjectNode();
                data.put("change", e.change());
                data.set("rule", MAPPER.valueToTree(e.rule()));
                yield data;
            }
        };
    }

    private static ObjectNode conversation(BusEvent.ConversationUpdated event) {
        var e = event.entry();
        ObjectNode data = session(event);
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
                // Parsed, not pasted: the payload holds the input as JSON, normalized as it always was.
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

    private static ObjectNode session(BusEvent e) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("session_id", e.sessionId());
        data.put("run_id", e.runId());
        return data;
    }

    private static ObjectNode approval(String approvalId, BusEvent e) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("approval_id", approvalId);
        data.put("session_id", e.sessionId());
        data.put("run_id", e.runId());
        return data;
    }

    private static void putIfPresent(ObjectNode data, String field, String value) {
        if (value != null) {
            data.put(field, value);
        }
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
