package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;

/** Startup found a live daemon answering on the socket path; that socket was left alone. */
public final class DaemonAlreadyRunningException extends IOException {
    private final transient Path socketPath;

    /** @param socketPath the path a daemon already listens on */
    public DaemonAlreadyRunningException(Path socketPath) {
        super("daemon already running at " + requireNonNull(socketPath, "socketPath is null"));
        this.socketPath = socketPath;
    }

    /** The path a daemon already listens on. */
    public Path socketPath() {
        return socketPath;
    }
}
