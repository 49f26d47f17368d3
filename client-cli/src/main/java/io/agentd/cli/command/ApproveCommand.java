package io.agentd.cli.command;

import io.agentd.cli.protocol.DecisionParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agentctl approve}: let a waiting tool call run. */
@Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a pending tool call.")
final class ApproveCommand extends DecisionCommand {
    @Option(names = "--comment", paramLabel = "TEXT", description = "Note stored with the decision.")
    private String comment;

    @Override
    DecisionParams decision(String approvalId) {
        return DecisionParams.approve(approvalId, comment == null ? "" : comment);
    }

    @Override
    String done() {
        return "approved";
    }
}
