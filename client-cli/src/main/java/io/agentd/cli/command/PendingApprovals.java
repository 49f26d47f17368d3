package io.agentd.cli.command;

import static java.util.Objects.requireNonNull;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.format.ApprovalTable;
import io.agentd.cli.protocol.ApprovalList;
import io.agentd.cli.protocol.SessionFilter;
import io.agentd.cli.protocol.SessionList;
import io.agentd.protocol.approval.Approval;
import io.agentd.protocol.session.SessionInfo;
import io.agentd.protocol.session.SessionStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds pending approvals. hld's {@code fetchApprovals} without a session answers {@code []}, so when
 * that comes back empty the approvals of every live session (starting, running, waiting for input,
 * interrupting: only a live Claude process can be waiting for one) are fetched one session at a time.
 */
final class PendingApprovals {
    private PendingApprovals() {
    }

    /** The pending approvals of {@code sessionId}, or of all sessions when it is null; oldest first. */
    static List<Approval> list(DaemonClient client, String sessionId) {
        requireNonNull(client, "client is null");
        if (sessionId != null) {
            return fetch(client, sessionId);
        }
        List<Approval> all = fetch(client, null);
        if (!all.isEmpty()) {
            return all;
        }
        List<Approval> found = new ArrayList<>();
        for (SessionInfo session : client.call("listSessions", null, SessionList.class).sessions()) {
            if (session.id() != null && SessionStatus.isActive(session.status())) {
                found.addAll(fetch(client, session.id()));
            }
        }
        found.sort(Comparator.comparing(a -> a.createdAt() == null ? "" : a.createdAt()));
        return found;
    }

    private static List<Approval> fetch(DaemonClient client, String sessionId) {
        return client.call("fetchApprovals", new SessionFilter(sessionId), ApprovalList.class).approvals();
    }

    /**
     * Turns what the user typed into an approval id: a pending approval's full id, a unique prefix of
     * it (with or without {@code local-}), or else any id in hld's full {@code local-} form, which is
     * sent as typed so the daemon can say what became of it.
     *
     * @throws ApprovalLookupException when nothing or several pending approvals match a short prefix
     */
    static String resolve(DaemonClient client, String typed) {
        String wanted = requireNonNull(typed, "typed is null").strip();
        if (wanted.isEmpty()) {
            throw new ApprovalLookupException("empty approval id");
        }
        List<Approval> pending = list(client, null);
        if (pending.stream().anyMatch(a -> wanted.equals(a.id()))) {
            return wanted;
        }
        List<Approval> matches = pending.stream()
                .filter(a -> a.id() != null && (a.id().startsWith(wanted) || a.id().startsWith("local-" + wanted)))
                .toList();
        return switch (matches.size()) {
            case 1 -> matches.getFirst().id();
            case 0 -> {
                if (wanted.startsWith("local-") && wanted.length() > "local-".length() + 8) {
                    yield wanted;
                }
                throw new ApprovalLookupException("no pending approval matches '" + wanted + "'");
            }
            default -> throw new ApprovalLookupException("'" + wanted + "' matches " + matches.size()
                    + " pending approvals: " + matches.stream().map(a -> ApprovalTable.shortId(a.id()) + " ("
                    + a.toolName() + ")").collect(Collectors.joining(", ")) + "; type more of the id");
        };
    }
}
