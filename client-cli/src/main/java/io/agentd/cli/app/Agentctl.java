package io.agentd.cli.app;

import static java.util.Objects.requireNonNull;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.client.SocketPathResolver;
import io.agentd.cli.command.AgentctlCommand;
import io.agentd.cli.command.CliContext;
import io.agentd.cli.command.FailureHandler;
import io.agentd.cli.command.Subcommands;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import picocli.CommandLine;

/** Wires the picocli command tree; used by {@link AgentctlMain} and by tests that run commands in-process. */
public final class Agentctl {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int DEFAULT_WIDTH = 120;

    private Agentctl() {
    }

    /** A ready-to-execute command line with every subcommand, writing to the given streams. */
    public static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        return commandLine(context, out, err, new String[0]);
    }

    /**
     * A command line ready to execute {@code args}: only the subcommand they name is registered (see
     * {@link Subcommands}), which keeps start-up short.
     */
    public static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err, String[] args) {
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
        CommandLine commandLine = new CommandLine(new AgentctlCommand(context));
        Subcommands.register(commandLine, args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        return commandLine;
    }

    /** The context of a real invocation: this process's environment, directory, clock and terminal. */
    public static CliContext systemContext() {
        Map<String, String> env = System.getenv();
        Path home = Path.of(System.getProperty("user.home"));
        return new CliContext(
                new SocketPathResolver(env, home),
                Path.of("").toAbsolutePath(),
                Clock.systemUTC(),
                ZoneId.systemDefault(),
                CommandLine.Help.Ansi.AUTO.enabled(),
                terminalWidth(env),
                POLL_INTERVAL,
                DaemonClient.DEFAULT_TIMEOUT);
    }

    private static int terminalWidth(Map<String, String> env) {
        try {
            int columns = Integer.parseInt(env.getOrDefault("COLUMNS", ""));
            return Math.max(40, columns);
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }
}
