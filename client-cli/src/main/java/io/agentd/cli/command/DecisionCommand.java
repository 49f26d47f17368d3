package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.format.ApprovalTable;
import io.agentd.cli.protocol.DecisionParams;
import io.agentd.cli.protocol.ProtocolJson;
import io.agentd.cli.protocol.DecisionResult;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** Base of {@code approve} and {@code deny}: resolve the id, send the decision, say what happened. */
abstract class DecisionCommand extends DaemonCommand {
    @Parameters(index = "0", paramLabel = "ID",
            description = "Approval id, or a unique prefix of a pending one as 'agentctl approvals' shows it.")
    private String id;

    /** The params to send for {@code approvalId}. */
    abstract DecisionParams decision(String approvalId);

    /** The past tense shown on success: approved, denied. */
    abstract String done();

    @Override
    final int run(DaemonClient client) {
        String approvalId = PendingApprovals.resolve(client, id);
        JsonNode result = client.call("sendDecision", decision(approvalId));
        if (json()) {
            printJson(result);
        }
        DecisionResult outcome = ProtocolJson.MAPPER.treeToValue(result, DecisionResult.class);
        if (!outcome.success()) {
            err().println("error: " + (outcome.error() == null || outcome.error().isBlank()
                    ? "agentd did not accept the decision" : outcome.error()));
            err().flush();
            return ExitCodes.FAILURE;
        }
        if (!json()) {
            print(done() + " " + ApprovalTable.shortId(approvalId) + "\n");
        }
        return ExitCodes.OK;
    }
}
