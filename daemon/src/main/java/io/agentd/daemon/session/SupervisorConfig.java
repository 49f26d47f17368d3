package io.agentd.daemon.session;

import java.nio.file.Path;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How the supervisor runs sessions.
 *
 * @param interruptGrace how long after SIGINT before SIGTERM, and after SIGTERM before SIGKILL
 * @param continueWait how long continuing a running session waits for it to stop ({@link SessionContinuation})
 * @param maxLineBytes the longest stdout line stored; longer ones are recorded as skipped
 * @param idleTimeout how long a running Claude may write nothing to stdout before agentd stops it; zero: never
 */
public record SupervisorConfig(Path spoolRoot, int maxSessions, Duration interruptGrace, Duration continueWait,
                               int maxLineBytes, Duration idleTimeout) {
    public SupervisorConfig {
        requireNonNull(idleTimeout, "idleTimeout is null");
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout is negative");
        }
        requireNonNull(spoolRoot, "spoolRoot is null");
        requireNonNull(interruptGrace, "interruptGrace is null");
        requireNonNull(continueWait, "continueWait is null");
    }
}
