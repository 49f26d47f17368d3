package io.agentd.cli.command;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options {@code launch} and {@code continue} share. For {@code continue}, a given option replaces the
 * parent's value and an absent one inherits it (except {@code --max-turns}, which is never inherited).
 */
final class SessionOptions {
    @Option(names = "--max-turns", paramLabel = "N", description = "Stop after N turns (never inherited).")
    Integer maxTurns;

    @Option(names = "--system-prompt", paramLabel = "S", description = "Replace the system prompt.")
    String systemPrompt;

    @Option(names = "--append-system-prompt", paramLabel = "S", description = "Append to the system prompt.")
    String appendSystemPrompt;

    @Option(names = "--allowed-tools", paramLabel = "TOOLS", split = ",", description = "Tools allowed without asking.")
    List<String> allowedTools = new ArrayList<>();

    @Option(names = "--disallowed-tools", paramLabel = "TOOLS", split = ",", description = "Tools Claude may not use.")
    List<String> disallowedTools = new ArrayList<>();

    @Option(names = "--wait", description = "Wait until the session ends, showing each approval Claude waits for;"
            + " exit 0 only if it completed.")
    boolean await;

    @Option(names = "--approve-interactively", description = "With --wait (implied), on a terminal: ask approve?"
            + " [y/n] (and a reason for no) for each approval inline, as approvals --watch does.")
    boolean approveInteractively;

    /** Whether the command waits for the session: {@code --approve-interactively} makes no sense without it. */
    boolean waits() {
        return await || approveInteractively;
    }
}
