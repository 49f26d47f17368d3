package io.agentd.cli.command;

import static java.util.Objects.requireNonNull;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.format.SessionTable;
import io.agentd.cli.protocol.SessionList;
import io.agentd.protocol.session.SessionInfo;
import java.util.List;
import java.util.stream.Collectors;

/** Turns what the user typed (a full id or a unique prefix, like git) into a session id. */
final class SessionResolver {
    private SessionResolver() {
    }

    /** Looks the prefix up among all sessions the daemon knows ({@code listSessions}, archived included). */
    static String resolve(DaemonClient client, String prefix) {
        requireNonNull(client, "client is null");
        return resolve(prefix, client.call("listSessions", null, SessionList.class).sessions());
    }

    /**
     * Returns the id that equals {@code prefix}, else the only id starting with it.
     *
     * @throws SessionLookupException when none or several match
     */
    static String resolve(String prefix, List<SessionInfo> sessions) {
        requireNonNull(prefix, "prefix is null");
        requireNonNull(sessions, "sessions is null");
        String wanted = prefix.strip();
        if (wanted.isEmpty()) {
            throw new SessionLookupException("empty session id");
        }
        if (sessions.stream().anyMatch(s -> wanted.equals(s.id()))) {
            return wanted;
        }
        List<SessionInfo> matches = sessions.stream()
                .filter(s -> s.id() != null && s.id().startsWith(wanted))
                .toList();
        return switch (matches.size()) {
            case 0 -> throw new SessionLookupException("no session matches '" + wanted + "'");
            case 1 -> matches.getFirst().id();
            default -> throw new SessionLookupException("'" + wanted + "' matches " + matches.size()
                    + " sessions: " + matches.stream().map(SessionResolver::describe).collect(Collectors.joining(", "))
                    + "; type more of the id");
        };
    }

    private static String describe(SessionInfo s) {
        String label = s.title() != null && !s.title().isBlank() ? s.title() : s.summary();
        String shown = s.id().length() > 12 ? s.id().substring(0, 12) : s.id();
        return label == null || label.isBlank() ? shown : shown + " (" + label + ")";
    }

    /** The short form used in confirmations. */
    static String shortId(String id) {
        return SessionTable.shortId(id);
    }
}
