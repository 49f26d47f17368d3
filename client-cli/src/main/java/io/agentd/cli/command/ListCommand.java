package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.format.SessionTable;
import io.agentd.cli.protocol.LeavesFilter;
import io.agentd.cli.protocol.ProtocolJson;
import io.agentd.cli.protocol.SessionList;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code agentctl ls}: the latest session of each conversation chain. */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true,
        description = "List sessions (the newest of each continued chain), most recent activity first.")
final class ListCommand extends DaemonCommand {
    @ArgGroup(exclusive = true)
    private Which which;

    /** The two mutually exclusive filters; neither means active (non-archived) sessions. */
    static final class Which {
        @Option(names = "--archived", description = "Only archived sessions.")
        boolean archived;

        @Option(names = "--all", description = "Every session, archived and drafts included.")
        boolean all;
    }

    @Override
    int run(DaemonClient client) {
        JsonNode result = client.call("getSessionLeaves", new LeavesFilter(filter()));
        if (json()) {
            printJson(result);
        } else {
            SessionList list = ProtocolJson.MAPPER.treeToValue(result, SessionList.class);
            print(new SessionTable(context().clock().instant(), context().width()).render(list.sessions()));
        }
        return ExitCodes.OK;
    }

    private String filter() {
        if (which == null) {
            return "normal";
        }
        return which.archived ? "archived" : "";
    }
}
