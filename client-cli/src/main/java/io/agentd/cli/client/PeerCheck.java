package io.agentd.cli.client;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The client's half of the daemon's peer check: before anything is sent, the process at the other end of the
 * socket must run as this user ({@code SO_PEERCRED}, as the daemon checks its clients). Anyone able to put a
 * socket at the path (a folder another user can write to) could otherwise read every request and answer
 * with anything, an approval decision included.
 */
final class PeerCheck {
    private PeerCheck() {
    }

    /** @throws DaemonConnectionException if the peer runs as another user, or its user cannot be read */
    static void requireOwnUser(SocketChannel channel, Path socket) {
        UnixDomainPrincipal peer;
        UserPrincipal self;
        try {
            peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            // A uid, not a name: equality of principals compares uids, and a uid needs no passwd entry.
            self = FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName(Long.toString(new UnixSystem().getUid()));
        } catch (IOException | UnsupportedOperationException e) {
            throw new DaemonConnectionException("cannot check who serves " + socket + ": " + e.getMessage(), e);
        }
        if (!self.equals(peer.user())) {
            throw new DaemonConnectionException("refusing to talk to " + socket + ": it is served by user "
                    + peer.user().getName() + ", not by you (" + self.getName() + "); another user may have"
                    + " replaced the daemon's socket");
        }
    }
}
