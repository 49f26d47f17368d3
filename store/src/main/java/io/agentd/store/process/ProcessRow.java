package io.agentd.store.process;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * The Claude process of a session as the daemon last recorded it.
 *
 * @param pid the wrapper's pid (also the process group id); null before the spawn succeeded
 * @param startTime the process start time, which tells a live process from a later one reusing the pid
 * @param stdoutOffset bytes of the stdout spool already turned into rows
 * @param interruptRequestedAt when a user asked to interrupt; the session then ends {@code interrupted}
 * @param stopReason why agentd stopped the process itself (idle timeout); the session then ends {@code failed}
 *                   with it. Null when it did not.
 */
public record ProcessRow(
        String sessionId,
        Long pid,
        Instant startTime,
        String spoolDir,
        long stdoutOffset,
        String mcpConfigPath,
        Instant interruptRequestedAt,
        Integer exitCode,
        Instant endedAt,
        String stopReason) {

    public ProcessRow {
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(spoolDir, "spoolDir is null");
    }
}
