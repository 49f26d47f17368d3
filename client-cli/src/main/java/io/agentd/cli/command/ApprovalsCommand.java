package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.format.ApprovalTable;
import io.agentd.cli.protocol.ApprovalList;
import io.agentd.cli.protocol.ProtocolJson;
import io.agentd.protocol.approval.Approval;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code agentctl approvals}: the tool calls waiting for a human. With {@code --watch}, asks about each
 * new one as it arrives.
 */
@Command(name = "approvals", mixinStandardHelpOptions = true,
        description = "List pending approvals, oldest first; --watch prompts for each new one until Ctrl-C.")
final class ApprovalsCommand extends DaemonCommand {
    @Option(names = "--session", paramLabel = "ID", description = "Only this session (id or unique prefix).")
    private String session;

    @Option(names = "--watch", description = "Prompt approve? [y/n] for pending and new approvals as they come.")
    private boolean watch;

    @Override
    int run(DaemonClient client) {
        String sessionId = session == null ? null : SessionResolver.resolve(client, session);
        if (watch) {
            return new ApprovalPrompter(client.socket(), context().callTimeout(), sessionId, stdin(), out(),
                    context().width()).run();
        }
        List<Approval> pending = PendingApprovals.list(client, sessionId);
        if (json()) {
            printJson(ProtocolJson.MAPPER.valueToTree(new ApprovalList(pending)));
        } else {
            print(new ApprovalTable(context().clock().instant(), context().width()).render(pending));
        }
        return ExitCodes.OK;
    }
}
