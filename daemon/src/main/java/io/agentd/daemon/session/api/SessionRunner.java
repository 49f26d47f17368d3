package io.agentd.daemon.session.api;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.session.LaunchSpec;
import io.agentd.daemon.session.SessionContinuation;
import io.agentd.daemon.session.SessionSupervisor;

/**
 * What {@link SessionService} needs of the processes: start one, interrupt one, continue one. The daemon
 * runs them with {@link SessionSupervisor} and {@link SessionContinuation}; a test can record them instead.
 */
public interface SessionRunner {
    /** Starts a Claude process for a new session. */
    SessionSupervisor.Launched launch(LaunchSpec spec);

    /** Interrupts a running session. */
    void interrupt(String sessionId);

    /** Starts a session continuing {@code parentId}, interrupting it first when it still runs. */
    SessionSupervisor.Launched continueSession(String parentId, SessionContinuation.Overrides overrides)
            throws InterruptedException;

    /** Starts nothing: every call is refused as unavailable (tools and benchmarks that only read the store). */
    SessionRunner NONE = new SessionRunner() {
        @Override
        public SessionSupervisor.Launched launch(LaunchSpec spec) {
            throw refused();
        }

        @Override
        public void interrupt(String sessionId) {
            throw refused();
        }

        @Override
        public SessionSupervisor.Launched continueSession(String parentId, SessionContinuation.Overrides overrides) {
            throw refused();
        }

        private AgentdException refused() {
            return AgentdException.unavailable("this daemon runs no sessions");
        }
    };

    /** The daemon's runner. */
    static SessionRunner of(SessionSupervisor supervisor, SessionContinuation continuation) {
        requireNonNull(supervisor, "supervisor is null");
        requireNonNull(continuation, "continuation is null");
        return new SessionRunner() {
            @Override
            public SessionSupervisor.Launched launch(LaunchSpec spec) {
                return supervisor.launch(spec);
            }

            @Override
            public void interrupt(String sessionId) {
                supervisor.interrupt(sessionId);
            }

            @Override
            public SessionSupervisor.Launched continueSession(String parentId, SessionContinuation.Overrides overrides)
                    throws InterruptedException {
                return continuation.continueSession(parentId, overrides);
            }
        };
    }
}
