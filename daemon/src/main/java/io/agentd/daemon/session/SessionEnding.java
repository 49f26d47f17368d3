package io.agentd.daemon.session;

import io.agentd.daemon.session.stream.FailureReasons;
import io.agentd.daemon.session.stream.StreamEvent;
import io.agentd.store.session.SessionOutcome;
import io.agentd.store.session.SessionStatus;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides how a session ended from what its process left behind: interrupted if a user asked, failed if
 * agentd stopped it itself (idle timeout), else completed only with a successful {@code result} and a
 * clean exit, else failed with the real reason.
 */
record SessionEnding(SessionStatus status, SessionOutcome outcome, Integer exitCode) {
    static final int STDERR_TAIL_BYTES = 64 * 1024;

    /**
     * @param stopReason why agentd stopped the process itself, or null
     * @param result Claude's last {@code result} event, or null if it reported none
     * @param exitCode the process exit code, or null when nobody could observe it
     */
    static SessionEnding decide(boolean interruptRequested, String stopReason, StreamEvent.Result result, Integer exitCode,
                                String stderrTail) {
        if (interruptRequested) {
            return new SessionEnding(SessionStatus.INTERRUPTED, SessionOutcome.none(), exitCode);
        }
        if (stopReason != null) {
            return new SessionEnding(SessionStatus.FAILED, SessionOutcome.failed(stopReason),
                    exitCode);
        }
        boolean cleanExit = exitCode == null || exitCode == 0;
        if (result != null && !result.isError() && cleanExit) {
            return new SessionEnding(SessionStatus.COMPLETED, SessionOutcome.none(), exitCode);
        }
        String reason;
        if (result != null && result.isError()) {
            reason = FailureReasons.of(result, stderrTail, exitCode == null ? -1 : exitCode);
        } else if (exitCode == null) {
            reason = "claude process ended without recording an exit status (killed while no daemon was watching?)"
                    + (stderrTail.isBlank() ? "" : ": " + stderrTail.strip());
        } else if (result != null) {
            reason = "claude exited with code " + exitCode + " after reporting success"
                    + (stderrTail.isBlank() ? "" : ": " + stderrTail.strip());
        } else {
            reason = FailureReasons.of(stderrTail, exitCode);
        }
        return new SessionEnding(SessionStatus.FAILED, SessionOutcome.failed(reason), exitCode);
    }

    /** The exit code the wrapper wrote, if any. */
    static Integer readExitCode(Path file) {
        try {
            return Files.exists(file) ? Integer.valueOf(Files.readString(file).strip()) : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** The last 64 KB of stderr: enough for an error, bounded whatever the child printed. */
    static String stderrTail(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, f.length() - STDERR_TAIL_BYTES);
            byte[] bytes = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
