package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.client.DaemonConnectionException;
import io.agentd.cli.client.DaemonUnavailableException;
import io.agentd.cli.format.EventLine;
import io.agentd.cli.protocol.ProtocolJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code agentctl watch}: the daemon's events as they happen. If the daemon restarts, it reconnects and
 * resumes after the last event it printed, so nothing is missed or shown twice.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Print events live: time, session and what changed (one JSON object per line with --json).")
final class WatchCommand extends DaemonCommand {
    @Option(names = "--session", paramLabel = "ID", description = "Only this session (id or unique prefix).")
    private String session;

    @Option(names = "--types", paramLabel = "TYPE", split = ",",
            description = "Only these event types, e.g. session_status_changed,conversation_updated.")
    private List<String> types;

    @Option(names = "--since", paramLabel = "SEQ", description = "First replay every retained event after this seq.")
    private Long since;

    @Override
    int run(DaemonClient client) {
        String sessionId = session == null ? null : SessionResolver.resolve(client, session);
        EventLine lines = new EventLine(context().zone());
        Long position = since;
        DaemonClient stream = client;
        while (true) {
            try {
                JsonNode confirmation = stream.subscribe(params(sessionId, position));
                if (position == null) {
                    position = confirmation.path("last_seq").asLong(0);
                }
                while (true) {
                    JsonNode message = stream.next(Duration.ofSeconds(60));
                    JsonNode event = message == null ? null : message.get("event");
                    if (event == null) {
                        continue;
                    }
                    position = Math.max(position, event.path("seq").asLong(position));
                    print(json() ? ProtocolJson.MAPPER.writeValueAsString(event) + "\n" : lines.render(event));
                }
            } catch (DaemonConnectionException e) {
                err().println("agentctl: " + e.getMessage() + "; reconnecting…");
                err().flush();
                stream = reconnect(client);
            }
        }
    }

    private Map<String, Object> params(String sessionId, Long position) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (types != null && !types.isEmpty()) {
            params.put("event_types", types);
        }
        if (sessionId != null) {
            params.put("session_id", sessionId);
        }
        if (position != null) {
            params.put("since_seq", position);
        }
        return params;
    }

    /** Waits for the daemon to come back, trying once a second. */
    static DaemonClient reconnect(DaemonClient previous) {
        previous.close();
        while (true) {
            try {
                return DaemonClient.connect(previous.socket());
            } catch (DaemonUnavailableException e) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
