package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.protocol.ContinueParams;
import io.agentd.cli.protocol.LaunchResult;
import io.agentd.cli.protocol.ProtocolJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code agentctl continue}: resume a session with a new prompt, as a new child session. */
@Command(name = "continue", mixinStandardHelpOptions = true,
        description = "Continue a session with a new query, as a new session; prints its id.")
final class ContinueCommand extends DaemonCommand {
    @Mixin
    private SessionOptions options;

    @Parameters(index = "0", paramLabel = "ID", description = "Session id or unique prefix.")
    private String id;

    @Parameters(index = "1", paramLabel = "QUERY", description = "The follow-up prompt.")
    private String query;

    @Override
    int run(DaemonClient client) {
        String parent = SessionResolver.resolve(client, id);
        JsonNode result = client.call("continueSession", new ContinueParams(parent, query, options.maxTurns,
                options.systemPrompt, options.appendSystemPrompt, options.allowedTools, options.disallowedTools));
        LaunchResult child = ProtocolJson.MAPPER.treeToValue(result, LaunchResult.class);
        if (json() && !options.waits()) {
            printJson(result);
        } else if (!json()) {
            print("session " + child.sessionId() + "\nrun     " + child.runId() + "\nparent  " + parent + "\n");
        }
        if (!options.waits()) {
            return ExitCodes.OK;
        }
        return awaitEnd(client, child.sessionId(), options.approveInteractively);
    }
}
