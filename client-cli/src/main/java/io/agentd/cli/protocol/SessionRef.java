package io.agentd.cli.protocol;

import static java.util.Objects.requireNonNull;

/** Params naming one session: {@code getSessionState}, {@code getConversation}, {@code interruptSession}. */
public record SessionRef(String sessionId) {
    public SessionRef {
        requireNonNull(sessionId, "sessionId is null");
    }
}
