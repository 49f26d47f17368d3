package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.protocol.WorkspaceParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code agentctl restore}: bring the working tree back to how it was before a session. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore the files a session changed to its checkpoint (the index, HEAD and stash are left alone).")
final class RestoreCommand extends DaemonCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "Session id or unique prefix.")
    private String id;

    @Option(names = "--dry-run", description = "List what would change, change nothing.")
    private boolean dryRun;

    @Option(names = "--force", description = "Restore even when files changed after the session ended.")
    private boolean force;

    @Override
    int run(DaemonClient client) {
        String sessionId = SessionResolver.resolve(client, id);
        JsonNode result = client.call("restoreCheckpoint", new WorkspaceParams.Restore(sessionId, dryRun, force));
        if (json()) {
            printJson(result);
            return ExitCodes.OK;
        }
        StringBuilder text = new StringBuilder();
        String prefix = dryRun ? "would " : "";
        for (JsonNode a : result.path("actions")) {
            text.append(prefix).append(a.path("action").asString()).append(' ').append(a.path("path").asString())
                    .append('\n');
        }
        for (JsonNode p : result.path("changed_since_end")) {
            text.append("changed after the session ended: ").append(p.asString()).append('\n');
        }
        if (result.path("actions").isEmpty()) {
            text.append("nothing to restore\n");
        }
        print(text.toString());
        return ExitCodes.OK;
    }
}
