package io.agentd.daemon.rpc;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The filesystem side of the socket: private directory, stale-file cleanup, permissions. */
final class SocketFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SocketFiles.class);
    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> SOCKET_MODE = PosixFilePermissions.fromString("rw-------");

    private SocketFiles() {
    }

    /** Creates the missing directories above the socket with mode 0700; existing ones are not touched. */
    static void createPrivateParents(Path socketPath) throws IOException {
        Path parent = socketPath.toAbsolutePath().getParent();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path dir = parent; dir != null && !Files.exists(dir); dir = dir.getParent()) {
            missing.push(dir);
        }
        while (!missing.isEmpty()) {
            Path dir = missing.pop();
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
                // The umask may have removed bits; set the mode explicitly.
                Files.setPosixFilePermissions(dir, DIRECTORY_MODE);
            } catch (FileAlreadyExistsException e) {
                LOG.debug("{} appeared concurrently", dir);
            }
        }
    }

    /**
     * Refuses to start over a live daemon; removes a socket file nobody answers on.
     *
     * @throws DaemonAlreadyRunningException if a daemon accepts connections on the path
     */
    static void clearStaleSocket(Path socketPath) throws IOException {
        if (!Files.exists(socketPath, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socketPath));
            throw new DaemonAlreadyRunningException(socketPath);
        } catch (DaemonAlreadyRunningException e) {
            throw e;
        } catch (IOException e) {
            LOG.info("removing stale socket {} ({})", socketPath, e.getMessage());
            Files.deleteIfExists(socketPath);
        }
    }

    /** Whether something accepts connections on the path. */
    static boolean answers(Path socketPath) {
        if (!Files.exists(socketPath, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socketPath));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void restrictSocket(Path socketPath) throws IOException {
        Files.setPosixFilePermissions(socketPath, SOCKET_MODE);
    }
}
