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

    @Option(names = "--wait", description = "Wait until the session ends; exit 0 only if it completed.")
    boolean await;
}
