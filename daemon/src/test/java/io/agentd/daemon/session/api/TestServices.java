package io.agentd.daemon.session.api;

import io.agentd.daemon.approval.PermissionPolicy;
import io.agentd.daemon.session.BypassEnabledListener;
import io.agentd.daemon.session.SessionEvents;
import io.agentd.store.Database;

import java.nio.file.Path;
import java.time.Clock;

/** Session services over a test database, with no process behind them. */
final class TestServices {
    private TestServices() {
    }

    /** A session service whose processes are only recorded; paths resolve against the JVM's directory. */
    static SessionService sessions(Database database, SessionEvents events) {
        return new SessionService(new RecordingRunner(), database, events, new PermissionPolicy(Clock.systemUTC()),
                BypassEnabledListener.NONE, Path.of(System.getProperty("user.home")), Path.of("").toAbsolutePath());
    }
}
