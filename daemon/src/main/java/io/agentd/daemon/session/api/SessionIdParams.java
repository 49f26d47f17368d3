package io.agentd.daemon.session.api;

import io.agentd.daemon.error.AgentdException;

/**
 * Params of the methods that name one session ({@code getSessionState}, {@code getSessionSnapshots}).
 *
 * @param sessionId required; empty counts as missing, as in hld
 */
public record SessionIdParams(String sessionId) {
    /** Refuses a missing id with -32602. */
    public SessionIdParams {
        if (sessionId == null || sessionId.isEmpty()) {
            throw AgentdException.invalidParams("session_id is required");
        }
    }
}
