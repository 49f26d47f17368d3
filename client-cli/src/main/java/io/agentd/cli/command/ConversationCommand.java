package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.format.TranscriptRenderer;
import io.agentd.cli.protocol.ProtocolJson;
import io.agentd.cli.protocol.SessionRef;
import io.agentd.protocol.session.ConversationEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code agentctl conversation}: the transcript of a session, including its parents' history. */
@Command(name = "conversation", aliases = "conv", mixinStandardHelpOptions = true,
        description = "Print a session's conversation as a readable transcript.")
final class ConversationCommand extends DaemonCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "Session id or unique prefix.")
    private String id;

    @Override
    int run(DaemonClient client) {
        String sessionId = SessionResolver.resolve(client, id);
        JsonNode result = client.call("getConversation", new SessionRef(sessionId));
        if (json()) {
            printJson(result);
        } else {
            var conversation = ProtocolJson.MAPPER.treeToValue(result, ConversationEvent.Conversation.class);
            print(new TranscriptRenderer(context().zone(), context().color()).render(conversation.events()));
        }
        return ExitCodes.OK;
    }
}
