package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.client.DaemonConnectionException;
import io.agentd.cli.format.TranscriptRenderer;
import io.agentd.cli.protocol.ProtocolJson;
import io.agentd.cli.protocol.SessionRef;
import io.agentd.protocol.session.ConversationEvent;
import io.agentd.protocol.session.SessionStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code agentctl tail}: a session's conversation so far, then live like {@code tail -f}, ending when the
 * session ends. Subscribes before reading the history, so nothing falls between the two. Shows each approval
 * Claude waits for, with the commands that answer it, and how it was decided.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print a session's conversation, then follow it live until the session ends.")
final class TailCommand extends DaemonCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "Session id or unique prefix.")
    private String id;

    @Option(names = "--approve-interactively", description = "On a terminal: ask approve? [y/n] (and a reason for no)"
            + " for each of the session's approvals inline, as approvals --watch does.")
    private boolean approveInteractively;

    @Override
    int run(DaemonClient client) {
        String sessionId = SessionResolver.resolve(client, id);
        TranscriptRenderer renderer = new TranscriptRenderer(context().zone(), context().color());
        DaemonClient stream = DaemonClient.connect(client.socket());
        try {
            long position = stream.subscribe(Map.of("session_id", sessionId)).path("last_seq").asLong(0);
            List<ConversationEvent> history = ProtocolJson.MAPPER.treeToValue(
                    client.call("getConversation", new SessionRef(sessionId)), ConversationEvent.Conversation.class).events();
            long shown = history.stream().filter(e -> sessionId.equals(e.sessionId()) && e.sequence() != null)
                    .mapToLong(ConversationEvent::sequence).max().orElse(0);
            if (json()) {
                history.forEach(e -> print(ProtocolJson.MAPPER.writeValueAsString(e) + "\n"));
            } else {
                print(renderer.render(history));
            }
            String status = client.call("getSessionState", new SessionRef(sessionId)).path("session").path("status").asString("");
            SessionApprovals approvals = approvals(client, sessionId, approveInteractively);
            if (!SessionStatus.isTerminal(status)) {
                // What Claude waits for already; later ones arrive as events.
                approvals.poll(client);
            }
            while (!SessionStatus.isTerminal(status)) {
                JsonNode event;
                try {
                    JsonNode message = stream.next(Duration.ofSeconds(60));
                    event = message == null ? null : message.get("event");
                } catch (DaemonConnectionException e) {
                    err().println("agentctl: " + e.getMessage() + "; reconnecting…");
                    err().flush();
                    stream = WatchCommand.reconnect(stream);
                    stream.subscribe(resume(sessionId, position));
                    continue;
                }
                if (event == null) {
                    continue;
                }
                position = Math.max(position, event.path("seq").asLong(position));
                JsonNode data = event.path("data");
                switch (event.path("type").asString("")) {
                    case "conversation_updated" -> {
                        if (data.path("sequence").asLong(0) > shown) {
                            shown = data.path("sequence").asLong(0);
                            ConversationEvent e = asConversationEvent(data, event.path("timestamp").asString(null));
                            print(json() ? ProtocolJson.MAPPER.writeValueAsString(e) + "\n" : renderer.render(List.of(e)));
                        }
                    }
                    case "session_status_changed" -> {
                        if (!"token_update".equals(data.path("reason").asString("")) && data.has("new_status")) {
                            status = data.path("new_status").asString("");
                        }
                    }
                    case "new_approval", "approval_resolved" -> approvals.onEvent(client, event);
                    default -> {
                    }
                }
            }
            approvals.finish(client);
            if (!json()) {
                print("— session " + status + "\n");
            }
            return SessionStatus.COMPLETED.wireName().equals(status) ? ExitCodes.OK : ExitCodes.SESSION_NOT_COMPLETED;
        } finally {
            stream.close();
        }
    }

    private static Map<String, Object> resume(String sessionId, long position) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("session_id", sessionId);
        params.put("since_seq", position);
        return params;
    }

    private static ConversationEvent asConversationEvent(JsonNode d, String timestamp) {
        JsonNode input = d.get("tool_input");
        return new ConversationEvent(null, text(d, "session_id"), text(d, "claude_session_id"),
                d.path("sequence").asLong(0), text(d, "event_type"), timestamp, text(d, "role"), text(d, "content"),
                text(d, "tool_id"), text(d, "tool_name"), input == null || input.isNull() ? null : input.toString(),
                text(d, "parent_tool_use_id"), text(d, "tool_result_for_id"), text(d, "tool_result_content"), false,
                null, null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asString("").isEmpty() ? null : v.asString();
    }
}
