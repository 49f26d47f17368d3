package io.agentd.daemon.rpc;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
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
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int ROOT_UID = 0;

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
     * Refuses to start over a live daemon; removes a socket file nobody answers on. Only a socket is ever
     * removed: anything else at the path is refused, checked without following links.
     *
     * @throws DaemonAlreadyRunningException if a daemon accepts connections on the path
     * @throws SocketPathRefusedException if something other than a socket is at the path
     */
    static void clearStaleSocket(Path socketPath) throws IOException {
        if (!refuseNonSocket(socketPath)) {
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

    /**
     * Returns whether a socket is at the path (false: nothing is).
     *
     * @throws SocketPathRefusedException if something else is: a file, a folder, a link, a device, a pipe
     */
    static boolean refuseNonSocket(Path path) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (attributes.isRegularFile()) {
            throw SocketPathRefusedException.notASocket(path, "a regular file");
        }
        if (attributes.isDirectory()) {
            throw SocketPathRefusedException.notASocket(path, "a folder");
        }
        if (attributes.isSymbolicLink()) {
            throw SocketPathRefusedException.notASocket(path, "a symbolic link");
        }
        if (!isSocket(path)) {
            throw SocketPathRefusedException.notASocket(path, "a device or a pipe");
        }
        return true;
    }

    /** The file type bits of {@code unix:mode}, without following links. */
    private static boolean isSocket(Path path) throws IOException {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & S_IFMT) == S_IFSOCK;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // No unix view: "other" is the nearest the basic attributes get to a socket.
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
        }
    }

    /**
     * The socket's folder decides who can replace the socket. It must belong to the daemon's user (or to
     * root, who can replace anything anyway) and be writable by nobody else: a group- or world-writable
     * folder of the daemon's own user is fixed (group and others lose write access, and the log says so);
     * any other folder is refused.
     *
     * @throws SocketPathRefusedException if the folder belongs to another user, or is writable by others and
     *                                    not the daemon user's to fix
     */
    static void checkFolder(Path folder) throws IOException {
        int self = currentUid();
        int owner = (Integer) Files.getAttribute(folder, "unix:uid");
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(folder);
        if (owner != self && owner != ROOT_UID) {
            throw new SocketPathRefusedException("refusing socket folder " + folder + ": it belongs to user " + owner
                    + ", not to the daemon's user " + self + ", who could replace the socket");
        }
        boolean othersWrite = mode.contains(PosixFilePermission.GROUP_WRITE)
                || mode.contains(PosixFilePermission.OTHERS_WRITE);
        if (!othersWrite) {
            return;
        }
        if (owner != self) {
            throw new SocketPathRefusedException("refusing socket folder " + folder + ": it is writable by "
                    + (mode.contains(PosixFilePermission.OTHERS_WRITE) ? "every user" : "its group")
                    + " (" + PosixFilePermissions.toString(mode) + "), so another user could replace the socket;"
                    + " put the socket in a folder only you can write to");
        }
        Set<PosixFilePermission> tightened = EnumSet.copyOf(mode);
        tightened.remove(PosixFilePermission.GROUP_WRITE);
        tightened.remove(PosixFilePermission.OTHERS_WRITE);
        Files.setPosixFilePermissions(folder, tightened);
        LOG.warn("socket folder {} was writable by others ({}); now {}, so nobody else can replace the socket",
                folder, PosixFilePermissions.toString(mode), PosixFilePermissions.toString(tightened));
    }

    /** The uid this process runs as (no user-name lookup that could fail for a uid without a name). */
    static int currentUid() {
        return Math.toIntExact(new UnixSystem().getUid());
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
