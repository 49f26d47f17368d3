package io.agentd.cli.command;

import io.agentd.cli.protocol.DecisionParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agentctl deny}: refuse a waiting tool call; Claude sees the comment as the reason. */
@Command(name = "deny", mixinStandardHelpOptions = true, description = "Deny a pending tool call.")
final class DenyCommand extends DecisionCommand {
    @Option(names = "--comment", paramLabel = "TEXT", required = true,
            description = "Why: Claude reads it as the tool's error and can adjust.")
    private String comment;

    @Override
    DecisionParams decision(String approvalId) {
        return DecisionParams.deny(approvalId, comment);
    }

    @Override
    String done() {
        return "denied";
    }
}
