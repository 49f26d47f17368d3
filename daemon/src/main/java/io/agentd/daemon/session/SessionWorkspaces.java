package io.agentd.daemon.session;

import java.nio.file.Path;

/**
 * What the supervisor tells the workspace feature about a session's life: just before Claude starts in a
 * folder (so the tree can be recorded as it was) and once the session has ended (so what it changed can be
 * stored). Implementations must never fail a launch or an ending: a workspace problem is logged, the session
 * goes on.
 */
public interface SessionWorkspaces {
    /** Sessions without workspace tracking. */
    SessionWorkspaces NONE = new SessionWorkspaces() {
        @Override
        public void beforeStart(String sessionId, Path workingDir) {
        }

        @Override
        public void afterEnd(String sessionId) {
        }
    };

    /** Called after the session is stored and before its Claude process is spawned. */
    void beforeStart(String sessionId, Path workingDir);

    /** Called after the session's final status is stored. */
    void afterEnd(String sessionId);
}
