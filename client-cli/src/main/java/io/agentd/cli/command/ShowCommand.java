package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.format.SessionStateView;
import io.agentd.cli.protocol.ProtocolJson;
import io.agentd.cli.protocol.SessionRef;
import io.agentd.protocol.session.SessionState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code agentctl show}: everything the daemon knows about one session. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one session's state.")
final class ShowCommand extends DaemonCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "Session id or unique prefix.")
    private String id;

    @Override
    int run(DaemonClient client) {
        String sessionId = SessionResolver.resolve(client, id);
        JsonNode result = client.call("getSessionState", new SessionRef(sessionId));
        if (json()) {
            printJson(result);
        } else {
            SessionState state = ProtocolJson.MAPPER.treeToValue(result, SessionState.Envelope.class).session();
            print(new SessionStateView(context().clock().instant(), context().zone()).render(state));
        }
        return ExitCodes.OK;
    }
}
