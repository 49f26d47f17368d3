package io.agentd.daemon.http.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The TCP form of the socket's {@code SO_PEERCRED} rule: on Linux, a loopback client must run as the
 * daemon's own user. The client's socket is found in {@code /proc/net/tcp} / {@code tcp6} by its address and
 * port (its local end is the peer, its remote end the server); its uid column is its owner.
 *
 * <p>Where {@code /proc/net/tcp} cannot be read (macOS, a locked-down /proc), the check cannot be made and
 * every loopback peer is let through; {@link #available()} says so and the daemon logs it at start. A
 * connection whose socket is not listed (it closed before the lookup) is refused.
 */
public final class PeerUids {
    private static final Logger log = LoggerFactory.getLogger(PeerUids.class);

    private final List<Path> tables;
    private final int ownUid;
    private final boolean available;

    /**
     * @param tables {@code /proc/net/tcp} and {@code /proc/net/tcp6} (tests pass sample files)
     * @param ownUid the uid peers must have
     */
    public PeerUids(List<Path> tables, int ownUid) {
        this.tables = List.copyOf(requireNonNull(tables, "tables is null"));
        this.ownUid = ownUid;
        this.available = this.tables.stream().anyMatch(Files::isReadable);
    }

    /** The system's tables and the uid the daemon runs as; unavailable when either cannot be read. */
    public static PeerUids system() {
        List<Path> tables = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
        try {
            int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return new PeerUids(tables, uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return new PeerUids(List.of(), -1);
        }
    }

    public boolean available() {
        return available;
    }

    /** Whether the client at {@code peer}, connected to {@code server}, may talk to the daemon. */
    public Verdict check(InetSocketAddress peer, InetSocketAddress server) {
        if (!available || !peer.getAddress().isLoopbackAddress()) {
            // Off-machine peers exist only when the user bound a non-loopback host (warned about at start).
            return Verdict.UNCHECKED;
        }
        Optional<Integer> uid = owner(peer, server);
        if (uid.isEmpty()) {
            log.debug("no /proc/net/tcp entry for peer {} of {}", peer, server);
            return Verdict.UNKNOWN;
        }
        return uid.get() == ownUid ? Verdict.SAME_USER : Verdict.OTHER_USER;
    }

    /** The outcome of a check. */
    public enum Verdict {
        SAME_USER, OTHER_USER, UNKNOWN, UNCHECKED;

        public boolean allowed() {
            return this == SAME_USER || this == UNCHECKED;
        }
    }

    private Optional<Integer> owner(InetSocketAddress peer, InetSocketAddress server) {
        List<ProcNetTcp.Entry> entries = new ArrayList<>();
        for (Path table : tables) {
            try {
                entries.addAll(ProcNetTcp.parse(Files.readString(table), ByteOrder.nativeOrder()));
            } catch (IOException e) {
                log.debug("cannot read {}: {}", table, e.getMessage());
            }
            Optional<Integer> uid = ProcNetTcp.ownerOf(entries, peer, server);
            if (uid.isPresent()) {
                return uid;
            }
        }
        return Optional.empty();
    }
}
