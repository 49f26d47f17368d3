package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.protocol.WorkspaceParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code agentctl diff}: the files a session created, modified or deleted, as unified diffs. */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "Show what a session changed.")
final class DiffCommand extends DaemonCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "Session id or unique prefix.")
    private String id;

    @Override
    int run(DaemonClient client) {
        String sessionId = SessionResolver.resolve(client, id);
        JsonNode result = client.call("getSessionChanges", new WorkspaceParams.Changes(sessionId));
        if (json()) {
            printJson(result);
            return ExitCodes.OK;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode f : result.path("files")) {
            String path = f.path("path").asString();
            String status = f.path("status").asString();
            String diff = f.path("diff").asString();
            if (diff.isEmpty()) {
                String note = f.path("note").asString();
                text.append(status).append(' ').append(path).append(note.isEmpty() ? "" : " (" + note + ")").append('\n');
            } else {
                text.append(diff);
                if (!diff.endsWith("\n")) {
                    text.append('\n');
                }
            }
        }
        if (result.path("files").isEmpty()) {
            text.append("no changes\n");
        }
        if (result.path("truncated").asBoolean()) {
            text.append("(truncated: ").append(result.path("note").asString()).append(")\n");
        }
        print(text.toString());
        return ExitCodes.OK;
    }
}
