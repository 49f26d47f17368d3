package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.protocol.ContinueParams;
import io.agentd.cli.protocol.LaunchResult;
import io.agentd.cli.protocol.ProtocolJson;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code agentctl continue}: resume a session with a new prompt, as a new child session. */
@Command(name = "continue", mixinStandardHelpOptions = true,
        description = "Continue a session with a new query, as a new session; prints its id.")
final class ContinueCommand extends DaemonCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "Session id or unique prefix.")
    private String id;

    @Parameters(index = "1", paramLabel = "QUERY", description = "The follow-up prompt.")
    private String query;

    @Option(names = "--max-turns", paramLabel = "N", description = "Stop after N turns (not inherited).")
    private Integer maxTurns;

    @Option(names = "--system-prompt", paramLabel = "S", description = "Replace the inherited system prompt.")
    private String systemPrompt;

    @Option(names = "--append-system-prompt", paramLabel = "S", description = "Replace the inherited appended prompt.")
    private String appendSystemPrompt;

    @Option(names = "--allowed-tools", paramLabel = "TOOLS", split = ",", description = "Tools allowed without asking.")
    private List<String> allowedTools = new ArrayList<>();

    @Option(names = "--disallowed-tools", paramLabel = "TOOLS", split = ",", description = "Tools Claude may not use.")
    private List<String> disallowedTools = new ArrayList<>();

    @Option(names = "--wait", description = "Wait until the new session ends; exit 0 only if it completed.")
    private boolean await;

    @Override
    int run(DaemonClient client) {
        String parent = SessionResolver.resolve(client, id);
        JsonNode result = client.call("continueSession", new ContinueParams(parent, query, maxTurns, systemPrompt,
                appendSystemPrompt, allowedTools, disallowedTools));
        LaunchResult child = ProtocolJson.MAPPER.treeToValue(result, LaunchResult.class);
        if (json() && !await) {
            printJson(result);
        } else if (!json()) {
            print("session " + child.sessionId() + "\nrun     " + child.runId() + "\nparent  " + parent + "\n");
        }
        if (!await) {
            return ExitCodes.OK;
        }
        return awaitEnd(client, child.sessionId());
    }
}
