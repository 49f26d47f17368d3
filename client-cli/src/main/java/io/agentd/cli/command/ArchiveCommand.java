package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.protocol.ArchiveParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code agentctl archive}: hide a session from {@code ls}, or bring it back with {@code --undo}. */
@Command(name = "archive", mixinStandardHelpOptions = true, description = "Archive (or unarchive) a session.")
final class ArchiveCommand extends DaemonCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "Session id or unique prefix.")
    private String id;

    @Option(names = "--undo", description = "Unarchive instead.")
    private boolean undo;

    @Override
    int run(DaemonClient client) {
        String sessionId = SessionResolver.resolve(client, id);
        JsonNode result = client.call("archiveSession", new ArchiveParams(sessionId, !undo));
        if (json()) {
            printJson(result);
        } else {
            print((undo ? "unarchived " : "archived ") + SessionResolver.shortId(sessionId) + "\n");
        }
        return ExitCodes.OK;
    }
}
