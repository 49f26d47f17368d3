package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.format.Units;
import io.agentd.cli.protocol.LaunchParams;
import io.agentd.cli.protocol.LaunchResult;
import io.agentd.cli.protocol.ProtocolJson;
import io.agentd.cli.protocol.SessionInfo;
import io.agentd.cli.protocol.SessionList;
import io.agentd.cli.protocol.SessionRef;
import io.agentd.cli.protocol.SessionResult;
import io.agentd.cli.protocol.SessionState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code agentctl launch}: start a Claude session, optionally waiting for it to finish. */
@Command(name = "launch", mixinStandardHelpOptions = true,
        description = "Launch a Claude Code session and print its id.")
final class LaunchCommand extends DaemonCommand {
    @Parameters(index = "0", paramLabel = "QUERY", description = "The prompt.")
    private String query;

    @Option(names = "--model", paramLabel = "M", description = "opus, sonnet or haiku.")
    private String model;

    @Option(names = "--dir", paramLabel = "D", description = "Working directory (default: the current one).")
    private Path dir;

    @Option(names = "--max-turns", paramLabel = "N", description = "Stop after N turns.")
    private Integer maxTurns;

    @Option(names = "--title", paramLabel = "T", description = "Session title.")
    private String title;

    @Option(names = "--system-prompt", paramLabel = "S", description = "Replace the system prompt.")
    private String systemPrompt;

    @Option(names = "--append-system-prompt", paramLabel = "S", description = "Append to the system prompt.")
    private String appendSystemPrompt;

    @Option(names = "--allowed-tools", paramLabel = "TOOLS", split = ",", description = "Tools allowed without asking.")
    private List<String> allowedTools = new ArrayList<>();

    @Option(names = "--disallowed-tools", paramLabel = "TOOLS", split = ",", description = "Tools Claude may not use.")
    private List<String> disallowedTools = new ArrayList<>();

    @Option(names = "--add-dir", paramLabel = "D", description = "Additional directory Claude may use (repeatable).")
    private List<Path> addDirs = new ArrayList<>();

    @Option(names = "--wait", description = "Wait until the session ends; exit 0 only if it completed.")
    private boolean await;

    @Override
    int run(DaemonClient client) {
        Path cwd = context().cwd();
        LaunchParams params = new LaunchParams(query, title, model, absolute(cwd, dir).toString(), maxTurns,
                systemPrompt, appendSystemPrompt, allowedTools, disallowedTools,
                addDirs.stream().map(d -> absolute(cwd, d).toString()).toList());
        JsonNode result = client.call("launchSession", params);
        LaunchResult launched = ProtocolJson.MAPPER.treeToValue(result, LaunchResult.class);
        if (!await) {
            if (json()) {
                printJson(result);
            } else {
                print("session " + launched.sessionId() + "\nrun     " + launched.runId() + "\n");
            }
            return ExitCodes.OK;
        }
        if (!json()) {
            print("session " + launched.sessionId() + "\nrun     " + launched.runId() + "\n");
        }
        JsonNode finalState = awaitEnd(client, launched.sessionId());
        SessionState state = ProtocolJson.MAPPER.treeToValue(finalState, SessionState.Envelope.class).session();
        if (json()) {
            printJson(finalState);
        } else {
            print(outcome(state, resultText(client, state.id())));
        }
        return "completed".equals(state.status()) ? ExitCodes.OK : ExitCodes.SESSION_NOT_COMPLETED;
    }

    private JsonNode awaitEnd(DaemonClient client, String sessionId) {
        long pollMillis = context().pollInterval().toMillis();
        while (true) {
            JsonNode result = client.call("getSessionState", new SessionRef(sessionId));
            SessionState.Envelope state = ProtocolJson.MAPPER.treeToValue(result, SessionState.Envelope.class);
            if (state.session() != null && state.session().isTerminal()) {
                return result;
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for session " + sessionId, e);
            }
        }
    }

    /** SessionState has no result text; the Info of listSessions does. */
    private static Optional<String> resultText(DaemonClient client, String sessionId) {
        return client.call("listSessions", null, SessionList.class).sessions().stream()
                .filter(s -> sessionId.equals(s.id()))
                .map(SessionInfo::result)
                .filter(r -> r != null)
                .map(SessionResult::result)
                .filter(text -> text != null && !text.isBlank())
                .findFirst();
    }

    private static String outcome(SessionState state, Optional<String> result) {
        StringBuilder out = new StringBuilder("status  ").append(state.status()).append('\n');
        if (state.costUsd() != null) {
            out.append("cost    ").append(Units.usd(state.costUsd())).append('\n');
        }
        if (state.errorMessage() != null && !state.errorMessage().isBlank()) {
            out.append("error   ").append(state.errorMessage()).append('\n');
        }
        result.ifPresent(text -> out.append('\n').append(text.strip()).append('\n'));
        return out.toString();
    }

    private static Path absolute(Path cwd, Path dir) {
        return dir == null ? cwd : cwd.resolve(dir).normalize();
    }
}
