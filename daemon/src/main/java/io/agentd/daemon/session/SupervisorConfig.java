package io.agentd.daemon.session;

import java.nio.file.Path;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How the supervisor runs sessions.
 *
 * @param interruptGrace how long after SIGINT before SIGTERM, and after SIGTERM before SIGKILL
 * @param continueWait how long continuing a running session waits for it to stop
 * @param maxLineBytes the longest stdout line stored; longer ones are recorded as skipped
 */
public record SupervisorConfig(Path spoolRoot, int maxSessions, Duration interruptGrace, Duration continueWait,
                               Duration spoolRetention, int maxLineBytes) {
    public SupervisorConfig {
        requireNonNull(spoolRoot, "spoolRoot is null");
        requireNonNull(interruptGrace, "interruptGrace is null");
        requireNonNull(continueWait, "continueWait is null");
        requireNonNull(spoolRetention, "spoolRetention is null");
    }
}
