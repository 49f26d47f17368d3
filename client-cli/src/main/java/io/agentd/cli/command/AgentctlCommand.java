package io.agentd.cli.command;

import static java.util.Objects.requireNonNull;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The root {@code agentctl} command: holds the shared options and the context subcommands use. Its subcommands
 * are registered per invocation by {@link Subcommands}.
 */
@Command(name = "agentctl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Command-line client of the agentd daemon (speaks hld's JSON-RPC protocol).")
public final class AgentctlCommand {
    @Mixin
    private DaemonOptions options;

    private final CliContext context;

    public AgentctlCommand(CliContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    CliContext context() {
        return context;
    }

    DaemonOptions options() {
        return options;
    }
}
