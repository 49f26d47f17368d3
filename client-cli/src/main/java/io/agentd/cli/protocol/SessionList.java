package io.agentd.cli.protocol;

import io.agentd.protocol.session.SessionInfo;
import java.util.List;

/** Result payload of {@code listSessions} and {@code getSessionLeaves}. */
public record SessionList(List<SessionInfo> sessions) {
    public SessionList {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }
}
