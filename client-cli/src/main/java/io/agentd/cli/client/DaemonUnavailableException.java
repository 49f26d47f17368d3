package io.agentd.cli.client;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** Nothing accepted a connection on the socket: the daemon is not running (or the path is wrong). */
public final class DaemonUnavailableException extends DaemonException {
    private final Path socket;

    public DaemonUnavailableException(Path socket, Throwable cause) {
        super("no agentd at " + requireNonNull(socket, "socket is null") + " — start it with bin/agentd", cause);
        this.socket = socket;
    }

    /** The socket path that could not be reached. */
    public Path socket() {
        return socket;
    }
}
