package io.agentd.daemon.session.process;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A process known by pid and start time. The pair survives daemon restarts and cannot be fooled by the
 * kernel reusing the pid for an unrelated process.
 */
public record ProcessIdentity(long pid, Instant startTime) {
    /** The identity of a live process, start time at millisecond precision (as stored). */
    public static Optional<ProcessIdentity> of(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().startInstant())
                .map(start -> new ProcessIdentity(pid, start.truncatedTo(ChronoUnit.MILLIS)));
    }

    /** Whether this very process is still running. */
    public boolean isAlive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .flatMap(h -> h.info().startInstant())
                .map(start -> start.truncatedTo(ChronoUnit.MILLIS).equals(startTime))
                .orElse(false);
    }
}
