package io.agentd.daemon.session.api;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.session.LaunchSpec;
import io.agentd.daemon.session.SessionContinuation;
import io.agentd.daemon.session.SessionSupervisor;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SessionRunner} that starts no process: it records what it was asked, answers launches with
 * numbered ids, and refuses interrupts of sessions it was told are not running.
 */
final class RecordingRunner implements SessionRunner {
    final List<LaunchSpec> launched = new ArrayList<>();
    final List<String> interrupted = new ArrayList<>();
    final List<SessionContinuation.Overrides> continued = new ArrayList<>();

    @Override
    public SessionSupervisor.Launched launch(LaunchSpec spec) {
        launched.add(spec);
        return new SessionSupervisor.Launched("s" + launched.size(), "r" + launched.size());
    }

    @Override
    public void interrupt(String sessionId) {
        if (sessionId.startsWith("idle")) {
            throw AgentdException.conflict("session is not running: " + sessionId);
        }
        interrupted.add(sessionId);
    }

    @Override
    public SessionSupervisor.Launched continueSession(String parentId, SessionContinuation.Overrides overrides) {
        continued.add(overrides);
        return new SessionSupervisor.Launched("child-of-" + parentId, "run-" + continued.size());
    }
}
