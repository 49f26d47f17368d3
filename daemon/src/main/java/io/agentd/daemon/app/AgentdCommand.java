package io.agentd.daemon.app;

import io.agentd.daemon.http.security.OriginPolicy;
import io.agentd.daemon.http.server.HttpOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The daemon's command line. Flags win over environment variables, which win over defaults; the
 * defaults are hld's so existing clients find the socket.
 */
@Command(name = "agentd", mixinStandardHelpOptions = true, versionProvider = Versions.class, sortOptions = false,
        description = "Supervises Claude Code sessions and serves hld-compatible JSON-RPC on a Unix socket and hld's REST"
                + " API over HTTP.")
public final class AgentdCommand {
    @Option(names = "--socket", paramLabel = "PATH",
            description = "Unix socket to listen on (env HUMANLAYER_DAEMON_SOCKET; default ~/.humanlayer/daemon.sock).")
    String socket;

    @Option(names = "--db", paramLabel = "PATH",
            description = "SQLite database file (env HUMANLAYER_DATABASE_PATH; default ~/.humanlayer/agentd.db).")
    String db;

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "trace, debug, info, warn or error (env AGENTD_LOG_LEVEL; default info).")
    String logLevel;

    @Option(names = "--log-dir", paramLabel = "DIR", description = "Folder of the rotating log file (default ~/.humanlayer/logs).")
    String logDir;

    @Option(names = "--claude-path", paramLabel = "PATH",
            description = "Claude Code CLI to run (env HUMANLAYER_CLAUDE_PATH; default: PATH, then the usual install locations).")
    String claudePath;

    @Option(names = "--approvals-command", paramLabel = "COMMAND",
            description = "Command line of the MCP approvals server injected into sessions, e.g. 'humanlayer mcp claude_approvals'"
                    + " (env AGENTD_APPROVALS_COMMAND; empty: no injection; default: agentd's own server,"
                    + " 'mcp claude_approvals' of the agentctl jar built beside the daemon).")
    String approvalsCommand;

    @Option(names = "--max-sessions", paramLabel = "N",
            description = "Most sessions running at once (env AGENTD_MAX_SESSIONS; default 16).")
    Integer maxSessions;

    @Option(names = "--shutdown-timeout", paramLabel = "DURATION",
            description = "How long shutdown waits for interrupted sessions before killing them, e.g. 10s (default 10s).")
    String shutdownTimeout;

    @Option(names = "--detach-sessions",
            description = "On shutdown leave running sessions alive for the next daemon to re-attach (for restarts and upgrades).")
    boolean detachSessions;

    @Option(names = "--session-idle-timeout", paramLabel = "DURATION",
            description = "Stop a running session whose Claude writes nothing to stdout for this long, e.g. 30m;"
                    + " time waiting for an approval does not count; 0 disables (env AGENTD_SESSION_IDLE_TIMEOUT;"
                    + " default 30m).")
    String sessionIdleTimeout;

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Most socket connections open at once; one more gets an error line and is closed"
                    + " (env AGENTD_MAX_CONNECTIONS; default 1024).")
    Integer maxConnections;

    @Option(names = "--connection-idle-timeout", paramLabel = "DURATION",
            description = "Close a connection that sends nothing for this long between requests, e.g. 10m;"
                    + " subscriptions and requests in flight never time out; 0 disables"
                    + " (env AGENTD_CONNECTION_IDLE_TIMEOUT; default 10m).")
    String connectionIdleTimeout;

    @Option(names = "--spool-dir", paramLabel = "DIR",
            description = "Where session output is spooled (default ~/.humanlayer/agentd-spool).")
    String spoolDir;

    @Option(names = "--spool-retention", paramLabel = "DURATION",
            description = "How long to keep spool files of finished sessions, e.g. 24h (default 24h).")
    String spoolRetention;

    @Option(names = "--event-retention", paramLabel = "DURATION",
            description = "How long published events stay replayable by subscribers (since_seq), e.g. 7d (default 7d).")
    String eventRetention;

    @Option(names = "--heartbeat", paramLabel = "DURATION", hidden = true,
            description = "Silence after which a subscription gets a heartbeat (default 30s, as hld).")
    String heartbeat;

    @Option(names = "--bypass-check-interval", paramLabel = "DURATION", hidden = true,
            description = "How often expired bypass permissions are switched off (default 30s).")
    String bypassCheckInterval;

    @Option(names = "--http-host", paramLabel = "HOST",
            description = "Address of the HTTP API (env HUMANLAYER_DAEMON_HTTP_HOST; default 127.0.0.1). Anything but a"
                    + " loopback address exposes the daemon to other machines.")
    String httpHost;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Port of the HTTP API (env HUMANLAYER_DAEMON_HTTP_PORT; default 7777); 0 picks a free one and"
                    + " prints HTTP_PORT=<port> as the first line on stdout.")
    Integer httpPort;

    @Option(names = "--no-http", description = "Serve no HTTP API, only the Unix socket.")
    boolean noHttp;

    @Option(names = "--http-origins", paramLabel = "ORIGINS",
            description = "Comma-separated web origins allowed to call the HTTP API besides the daemon's own and the"
                    + " desktop app's, e.g. http://localhost:5173 (env AGENTD_HTTP_ORIGINS).")
    String httpOrigins;

    @Option(names = "--store-fault-file", paramLabel = "FILE", hidden = true,
            description = "Test seam for fault tests: a file whose content (full, read-only) makes the store refuse"
                    + " writes as a full disk or a read-only file would (see docs/faults.md).")
    String storeFaultFile;

    /** Resolves flags, then {@code env}, then defaults under {@code home}. */
    DaemonConfig resolve(Map<String, String> env, Path home) {
        Path humanlayer = home.resolve(".humanlayer");
        ApprovalsCommand approvals = ApprovalsCommand.resolve(approvalsCommand, env, ApprovalsCommand.codeLocation(),
                Path.of(System.getProperty("java.home")));
        return DaemonConfig.builder()
                .socketPath(path(first(socket, env.get("HUMANLAYER_DAEMON_SOCKET"), null), humanlayer.resolve("daemon.sock"),
                        home))
                .databasePath(path(first(db, env.get("HUMANLAYER_DATABASE_PATH"), null), humanlayer.resolve("agentd.db"), home))
                .logLevel(first(logLevel, env.get("AGENTD_LOG_LEVEL"), "info").toLowerCase(Locale.ROOT))
                .logDir(path(logDir, humanlayer.resolve("logs"), home))
                .claudePath(first(claudePath, env.get("HUMANLAYER_CLAUDE_PATH"), null))
                .approvalsCommand(approvals.command())
                .maxSessions(maxSessions != null ? maxSessions
                        : Integer.parseInt(first(null, env.get("AGENTD_MAX_SESSIONS"), "16")))
                .shutdownTimeout(Durations.parse(first(shutdownTimeout, env.get("AGENTD_SHUTDOWN_TIMEOUT"), "10s")))
                .detachSessions(detachSessions)
                .spoolDir(path(spoolDir, humanlayer.resolve("agentd-spool"), home))
                .spoolRetention(Durations.parse(first(spoolRetention, null, "24h")))
                .eventRetention(Durations.parse(first(eventRetention, env.get("AGENTD_EVENT_RETENTION"), "7d")))
                .heartbeat(Durations.parse(first(heartbeat, null, "30s")))
                .bypassCheckInterval(Durations.parse(first(bypassCheckInterval, null, "30s")))
                .sessionIdleTimeout(Durations.parse(first(sessionIdleTimeout, env.get("AGENTD_SESSION_IDLE_TIMEOUT"), "30m")))
                .storeFaultFile(storeFaultFile == null || storeFaultFile.isBlank() ? null : path(storeFaultFile, null, home))
                .version(first(null, env.get("HUMANLAYER_DAEMON_VERSION_OVERRIDE"), Versions.VERSION))
                .maxConnections(maxConnections != null ? maxConnections
                        : Integer.parseInt(first(null, env.get("AGENTD_MAX_CONNECTIONS"), "1024")))
                .connectionIdleTimeout(Durations.parse(first(connectionIdleTimeout, env.get("AGENTD_CONNECTION_IDLE_TIMEOUT"),
                        "10m")))
                .http(http(env))
                .build();
    }

    private HttpOptions http(Map<String, String> env) {
        if (noHttp) {
            return HttpOptions.disabled();
        }
        String port = httpPort != null ? httpPort.toString()
                : first(null, env.get("HUMANLAYER_DAEMON_HTTP_PORT"), Integer.toString(HttpOptions.DEFAULT_PORT));
        int parsed;
        try {
            parsed = Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid HTTP port '" + port + "' (a number from 0 to 65535)");
        }
        List<String> origins = new ArrayList<>();
        for (String origin : first(httpOrigins, env.get("AGENTD_HTTP_ORIGINS"), "").split(",")) {
            if (!origin.isBlank()) {
                origins.add(OriginPolicy.normalizeConfigured(origin));
            }
        }
        return HttpOptions.listening(first(httpHost, env.get("HUMANLAYER_DAEMON_HTTP_HOST"), HttpOptions.DEFAULT_HOST).strip(),
                parsed, origins);
    }

    private static String first(String flag, String env, String fallback) {
        if (flag != null && !flag.isBlank()) {
            return flag;
        }
        if (env != null && !env.isBlank()) {
            return env;
        }
        return fallback;
    }

    private static Path path(String value, Path fallback, Path home) {
        if (value == null || value.isBlank()) {
            return fallback.toAbsolutePath();
        }
        if (value.equals("~")) {
            return home;
        }
        if (value.startsWith("~/")) {
            return home.resolve(value.substring(2)).toAbsolutePath();
        }
        return Path.of(value).toAbsolutePath();
    }

    /** Durations as people write them: 500ms, 10s, 5m, 24h, or bare seconds. */
    static final class Durations {
        private Durations() {
        }

        static Duration parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            try {
                if (t.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
                }
                long n = Long.parseLong(t.replaceAll("[smhd]$", ""));
                return switch (t.charAt(t.length() - 1)) {
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    case 'd' -> Duration.ofDays(n);
                    default -> Duration.ofSeconds(n);
                };
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("invalid duration '" + text + "' (use e.g. 500ms, 10s, 5m, 24h)");
            }
        }
    }
}
