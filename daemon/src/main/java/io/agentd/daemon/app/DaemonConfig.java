package io.agentd.daemon.app;

import io.agentd.daemon.rpc.RpcServerOptions;
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
 * @param maxConnections the most socket connections open at once
 * @param connectionIdleTimeout how long a connection that is not a subscription may stay silent between requests; zero: never closed
 * @param http the HTTP API's address, origins and limits ({@link HttpOptions#disabled()} with {@code --no-http})
 */
public record DaemonConfig(
        Path socketPath,
        Path databasePath,
        String logLevel,
        Path logDir,
        String claudePath,
        List<String> approvalsCommand,
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
        int maxConnections,
        Duration connectionIdleTimeout,
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
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max connections must be at least 1");
        }
        requireNonNull(connectionIdleTimeout, "connectionIdleTimeout is null");
        if (connectionIdleTimeout.isNegative()) {
            throw new IllegalArgumentException("connection idle timeout must not be negative");
        }
    }

    /** A builder with nothing set: the constructor's checks apply on {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Names every value, so a config is never a row of positional nulls. */
    public static final class Builder {
        private Path socketPath;
        private Path databasePath;
        private String logLevel;
        private Path logDir;
        private String claudePath;
        private List<String> approvalsCommand;
        private int maxSessions;
        private Duration shutdownTimeout;
        private boolean detachSessions;
        private Path spoolDir;
        private Duration spoolRetention;
        private Duration eventRetention;
        private Duration heartbeat;
        private Duration bypassCheckInterval;
        private Duration sessionIdleTimeout;
        private Path storeFaultFile;
        private String version;
        private int maxConnections = RpcServerOptions.DEFAULT_MAX_CONNECTIONS;
        private Duration connectionIdleTimeout = RpcServerOptions.DEFAULT_IDLE_TIMEOUT;
        private HttpOptions http = HttpOptions.disabled();

        private Builder() {
        }

        public Builder socketPath(Path socketPath) {
            this.socketPath = socketPath;
            return this;
        }

        public Builder databasePath(Path databasePath) {
            this.databasePath = databasePath;
            return this;
        }

        public Builder logLevel(String logLevel) {
            this.logLevel = logLevel;
            return this;
        }

        public Builder logDir(Path logDir) {
            this.logDir = logDir;
            return this;
        }

        public Builder claudePath(String claudePath) {
            this.claudePath = claudePath;
            return this;
        }

        public Builder approvalsCommand(List<String> approvalsCommand) {
            this.approvalsCommand = approvalsCommand;
            return this;
        }

        public Builder maxSessions(int maxSessions) {
            this.maxSessions = maxSessions;
            return this;
        }

        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        public Builder detachSessions(boolean detachSessions) {
            this.detachSessions = detachSessions;
            return this;
        }

        public Builder spoolDir(Path spoolDir) {
            this.spoolDir = spoolDir;
            return this;
        }

        public Builder spoolRetention(Duration spoolRetention) {
            this.spoolRetention = spoolRetention;
            return this;
        }

        public Builder eventRetention(Duration eventRetention) {
            this.eventRetention = eventRetention;
            return this;
        }

        public Builder heartbeat(Duration heartbeat) {
            this.heartbeat = heartbeat;
            return this;
        }

        public Builder bypassCheckInterval(Duration bypassCheckInterval) {
            this.bypassCheckInterval = bypassCheckInterval;
            return this;
        }

        public Builder sessionIdleTimeout(Duration sessionIdleTimeout) {
            this.sessionIdleTimeout = sessionIdleTimeout;
            return this;
        }

        public Builder storeFaultFile(Path storeFaultFile) {
            this.storeFaultFile = storeFaultFile;
            return this;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder connectionIdleTimeout(Duration connectionIdleTimeout) {
            this.connectionIdleTimeout = connectionIdleTimeout;
            return this;
        }

        /** The HTTP API; without this call, none ({@link HttpOptions#disabled()}). */
        public Builder http(HttpOptions http) {
            this.http = http;
            return this;
        }

        public DaemonConfig build() {
            return new DaemonConfig(socketPath, databasePath, logLevel, logDir, claudePath, approvalsCommand, maxSessions, shutdownTimeout, detachSessions, spoolDir, spoolRetention, eventRetention, heartbeat, bypassCheckInterval, sessionIdleTimeout, storeFaultFile, version,
                    maxConnections, connectionIdleTimeout, http);
        }
    }
}
