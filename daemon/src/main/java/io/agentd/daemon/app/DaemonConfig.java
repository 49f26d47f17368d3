package io.agentd.daemon.app;

import io.agentd.daemon.http.server.HttpOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Everything the daemon is configured with, resolved from flags, environment and defaults.
 *
 * @param claudePath explicit Claude CLI path, or null to discover it
 * @param approvalsCommand the command line injected as the {@code codelayer} MCP approvals server; empty: no injection
 * @param approvalsWarning why the default approvals server is not injected, logged at start; null when all is well
 * @param maxSessions most sessions with a live Claude process at once
 * @param shutdownTimeout how long shutdown waits for interrupted sessions before killing them
 * @param detachSessions leave sessions running at shutdown for the next daemon to re-attach
 * @param spoolDir where each session's stdout/stderr spool files live
 * @param spoolRetention how long spool files of finished sessions are kept
 * @param eventRetention how long published events stay replayable ({@code since_seq})
 * @param heartbeat silence after which a subscription gets a heartbeat
 * @param bypassCheckInterval how often expired bypass permissions are looked for and switched off
 * @param sessionIdleTimeout how long a running Claude may write nothing to stdout before it is stopped; zero: never
 * @param storeFaultFile a test seam: the store's fault-injection control file; null (always, outside fault tests) for none
 * @param http the HTTP API's address, origins and limits ({@link HttpOptions#disabled()} with {@code --no-http})
 */
public record DaemonConfig(
        Path socketPath,
        Path databasePath,
        String logLevel,
        Path logDir,
        String claudePath,
        List<String> approvalsCommand,
        String approvalsWarning,
        int maxSessions,
        Duration shutdownTimeout,
        boolean detachSessions,
        Path spoolDir,
        Duration spoolRetention,
        Duration eventRetention,
        Duration heartbeat,
        Duration bypassCheckInterval,
        Duration sessionIdleTimeout,
        Path storeFaultFile,
        String version,
        HttpOptions http) {

    public DaemonConfig {
        requireNonNull(socketPath, "socketPath is null");
        requireNonNull(databasePath, "databasePath is null");
        requireNonNull(logLevel, "logLevel is null");
        requireNonNull(logDir, "logDir is null");
        approvalsCommand = approvalsCommand == null ? List.of() : List.copyOf(approvalsCommand);
        requireNonNull(shutdownTimeout, "shutdownTimeout is null");
        requireNonNull(spoolDir, "spoolDir is null");
        requireNonNull(spoolRetention, "spoolRetention is null");
        requireNonNull(eventRetention, "eventRetention is null");
        requireNonNull(heartbeat, "heartbeat is null");
        requireNonNull(bypassCheckInterval, "bypassCheckInterval is null");
        requireNonNull(sessionIdleTimeout, "sessionIdleTimeout is null");
        if (sessionIdleTimeout.isNegative()) {
            throw new IllegalArgumentException("session idle timeout must not be negative");
        }
        requireNonNull(version, "version is null");
        requireNonNull(http, "http is null");
        if (maxSessions < 1) {
            throw new IllegalArgumentException("max sessions must be at least 1");
        }
    }

    /** Without the HTTP API (in-process tests). */
    public DaemonConfig(Path socketPath, Path databasePath, String logLevel, Path logDir, String claudePath,
                        List<String> approvalsCommand, String approvalsWarning, int maxSessions, Duration shutdownTimeout,
                        boolean detachSessions, Path spoolDir, Duration spoolRetention, Duration eventRetention,
                        Duration heartbeat, Duration bypassCheckInterval, Duration sessionIdleTimeout, Path storeFaultFile,
                        String version) {
        this(socketPath, databasePath, logLevel, logDir, claudePath, approvalsCommand, approvalsWarning, maxSessions,
                shutdownTimeout, detachSessions, spoolDir, spoolRetention, eventRetention, heartbeat, bypassCheckInterval,
                sessionIdleTimeout, storeFaultFile, version, HttpOptions.disabled());
    }
}
