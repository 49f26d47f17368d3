package io.agentd.daemon.session.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Whether this very process is still running (a zombie, exited but not yet reaped, is not). */
    public boolean isAlive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .flatMap(h -> h.info().startInstant())
                .map(start -> start.truncatedTo(ChronoUnit.MILLIS).equals(startTime))
                .orElse(false) && !isZombie(pid);
    }

    /**
     * A re-attached process is not our child: if its new parent never reaps it, it lingers as a zombie
     * that {@link ProcessHandle#isAlive()} still reports alive. Linux tells the state in /proc.
     */
    private static boolean isZombie(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            int end = text.lastIndexOf(')');
            return end > 0 && end + 2 < text.length() && text.charAt(end + 2) == 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
