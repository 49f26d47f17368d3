package io.agentd.cli.command;

import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command shares; inherited, so they work before or after the subcommand name. */
public final class DaemonOptions {
    @Option(names = "--socket", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "Daemon socket (default: $HUMANLAYER_DAEMON_SOCKET, else ~/.humanlayer/daemon.sock).")
    private String socket;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the daemon's raw JSON result instead of text.")
    private boolean json;

    /** The {@code --socket} value, if given. */
    public Optional<String> socket() {
        return Optional.ofNullable(socket);
    }

    public boolean json() {
        return json;
    }
}
