package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.protocol.SessionRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code agentctl interrupt}: ask a running session's Claude process to stop. */
@Command(name = "interrupt", mixinStandardHelpOptions = true, description = "Interrupt a running session.")
final class InterruptCommand extends DaemonCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "Session id or unique prefix.")
    private String id;

    @Override
    int run(DaemonClient client) {
        String sessionId = SessionResolver.resolve(client, id);
        JsonNode result = client.call("interruptSession", new SessionRef(sessionId));
        if (json()) {
            printJson(result);
        } else {
            String status = result.path("status").asString("interrupting");
            print(status + " " + SessionResolver.shortId(sessionId) + "\n");
        }
        return ExitCodes.OK;
    }
}
