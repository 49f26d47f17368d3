package io.agentd.e2e;

import static java.util.Objects.requireNonNull;

import io.agentd.cli.client.SocketPathResolver;
import io.agentd.cli.command.CliContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Runs agentctl in-process, through the same picocli command line as its {@code main}, against one daemon
 * socket, capturing what a user would see on stdout and stderr.
 */
final class Agentctl {
    private final Path socket;
    private final Path cwd;

    Agentctl(Path socket, Path cwd) {
        this.socket = requireNonNull(socket, "socket is null");
        this.cwd = requireNonNull(cwd, "cwd is null");
    }

    /** What one invocation printed and returned. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /**
     * Runs a command that does not end by itself (watch), or that a test answers while it runs (launch --wait),
     * writing its stdout into {@code out} as it goes; returns its exit code.
     */
    int runInto(StringWriter out, String... args) {
        return execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
    }

    private int execute(PrintWriter out, PrintWriter err, String... args) {
        CliContext context = new CliContext(
                new SocketPathResolver(Map.of("HUMANLAYER_DAEMON_SOCKET", socket.toString()), cwd),
                cwd,
                Clock.systemUTC(),
                ZoneOffset.UTC,
                false,
                160,
                Duration.ofMillis(50),
                Duration.ofSeconds(10));
        return io.agentd.cli.app.Agentctl.commandLine(context, out, err, args).execute(args);
    }
}
