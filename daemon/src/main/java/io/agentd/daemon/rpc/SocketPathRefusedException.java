package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Startup refuses the socket path: something other than a socket is there (the daemon replaces only a stale
 * socket, never a file or a folder), or the socket's folder would let another user replace the socket.
 * Nothing was changed.
 */
public final class SocketPathRefusedException extends IOException {
    /** @param reason the whole message, naming the path */
    public SocketPathRefusedException(String reason) {
        super(requireNonNull(reason, "reason is null"));
    }

    static SocketPathRefusedException notASocket(Path path, String what) {
        return new SocketPathRefusedException("refusing socket path " + path + ": it is " + what
                + ", not a socket; agentd only replaces a stale socket (choose another --socket)");
    }
}
