package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Who sent a request. The JDK exposes the peer's user through {@code SO_PEERCRED} but not its pid, so only
 * the user is known.
 *
 * @param connectionId the daemon-assigned connection id, for logs (e.g. {@code c42})
 * @param peerUser the peer's user name (or uid when it has no name); null when unknown
 */
public record RequestContext(String connectionId, String peerUser) {
    /** Validates the connection id. */
    public RequestContext {
        requireNonNull(connectionId, "connectionId is null");
    }

    /** A context whose peer is unknown (in-memory dispatch, tests). */
    public static RequestContext of(String connectionId) {
        return new RequestContext(connectionId, null);
    }

    /** The peer's user name, if known. */
    public Optional<String> peer() {
        return Optional.ofNullable(peerUser);
    }
}
