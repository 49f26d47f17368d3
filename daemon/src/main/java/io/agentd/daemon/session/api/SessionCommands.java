package io.agentd.daemon.session.api;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.session.BypassEnabledListener;
import io.agentd.daemon.session.LaunchSpec;
import io.agentd.daemon.session.SessionContinuation;
import io.agentd.daemon.session.SessionEvents;
import io.agentd.daemon.session.SessionSupervisor;
import io.agentd.store.Database;
import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The methods that start or change running sessions: {@code launchSession}, {@code continueSession},
 * {@code interruptSession} and {@code updateSessionSettings}.
 */
public final class SessionCommands {
    private static final Logger log = LoggerFactory.getLogger(SessionCommands.class);
    /** Model names are passed as one argv element; anything else a user could mean is rejected here. */
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\[\\]-]{0,99}");

    private final SessionSupervisor supervisor;
    private final SessionContinuation continuation;
    private final SessionEvents events;
    private final Database database;
    private final SessionRepository sessions = new SessionRepository();
    private final Path home;
    private final Path daemonCwd;
    private final Clock clock;
    private final BypassEnabledListener bypassListener;

    /** Result of launchSession. */
    public record LaunchResult(String sessionId, String runId) {
    }

    /** Result of continueSession; {@code claude_session_id} is always empty, as in hld (the fork gets a new one). */
    public record ContinueResult(String sessionId, String runId, String claudeSessionId, String parentSessionId) {
    }

    /** Result of interruptSession. */
    public record InterruptResult(boolean success, String sessionId, String status) {
    }

    /** A plain acknowledgement. */
    public record Success(boolean success) {
    }

    public SessionCommands(SessionSupervisor supervisor, SessionContinuation continuation, SessionEvents events,
                           Database database, Path home, Path daemonCwd, Clock clock,
                           BypassEnabledListener bypassListener) {
        this.supervisor = requireNonNull(supervisor, "supervisor is null");
        this.events = requireNonNull(events, "events is null");
        this.continuation = requireNonNull(continuation, "continuation is null");
        this.database = requireNonNull(database, "database is null");
        this.home = requireNonNull(home, "home is null");
        this.daemonCwd = requireNonNull(daemonCwd, "daemonCwd is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.bypassListener = requireNonNull(bypassListener, "bypassListener is null");
    }

    public void register(MethodRegistry registry) {
        registry.register("launchSession", LaunchSessionParams.class, (p, ctx) -> launch(p));
        registry.register("continueSession", ContinueSessionParams.class, (p, ctx) -> continueSession(p));
        registry.register("interruptSession", SessionIdParams.class, (p, ctx) -> {
            supervisor.interrupt(p.sessionId());
            return new InterruptResult(true, p.sessionId(), "interrupting");
        });
        registry.register("updateSessionSettings", UpdateSessionSettingsParams.class, (p, ctx) -> updateSettings(p));
    }

    LaunchResult launch(LaunchSessionParams p) {
        Path dir = workingDir(p.workingDir());
        Instant now = clock.instant();
        boolean bypass = Boolean.TRUE.equals(p.dangerouslySkipPermissions());
        Long timeout = p.dangerouslySkipPermissionsTimeout() != null && p.dangerouslySkipPermissionsTimeout() > 0
                ? p.dangerouslySkipPermissionsTimeout() : null;
        PermissionSettings permissions = new PermissionSettings(Boolean.TRUE.equals(p.autoAcceptEdits()), bypass,
                bypass && timeout != null ? now.plusMillis(timeout) : null, bypass ? timeout : null);
        LaunchConfig config = new LaunchConfig(p.maxTurns(), p.systemPrompt(), p.appendSystemPrompt(), p.customInstructions(),
                p.permissionPromptTool(), p.allowedTools(), p.disallowedTools(),
                p.additionalDirectories() == null ? null : p.additionalDirectories().stream().map(this::absolute).toList());
        SessionSupervisor.Launched launched = supervisor.launch(new LaunchSpec(p.query(), p.title(), model(p.model()), dir,
                config, McpConfigParser.fromNode(p.mcpConfig()), permissions, null, null));
        return new LaunchResult(launched.sessionId(), launched.runId());
    }

    private ContinueResult continueSession(ContinueSessionParams p) {
        try {
            SessionSupervisor.Launched launched = continuation.continueSession(p.sessionId(), new SessionContinuation.Overrides(
                    p.query(), p.systemPrompt(), p.appendSystemPrompt(), McpConfigParser.fromString(p.mcpConfig()),
                    p.permissionPromptTool(), p.allowedTools(), p.disallowedTools(),
                    p.additionalDirectories() == null ? null : p.additionalDirectories().stream().map(this::absolute).toList(),
                    p.customInstructions(), p.maxTurns()));
            return new ContinueResult(launched.sessionId(), launched.runId(), "", p.sessionId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AgentdException.unavailable("daemon is shutting down");
        }
    }

    private Success updateSettings(UpdateSessionSettingsParams p) {
        database.write(tx -> {
            SessionRow row = sessions.find(tx.connection(), p.sessionId())
                    .orElseThrow(() -> AgentdException.notFound("session not found: " + p.sessionId()));
            PermissionSettings cur = row.permissions();
            boolean autoAccept = p.autoAcceptEdits() != null ? p.autoAcceptEdits() : cur.autoAcceptEdits();
            PermissionSettings next = cur;
            if (p.dangerouslySkipPermissions() != null) {
                boolean on = p.dangerouslySkipPermissions();
                Long timeout = on && p.dangerouslySkipPermissionsTimeoutMs() != null
                        && p.dangerouslySkipPermissionsTimeoutMs() > 0 ? p.dangerouslySkipPermissionsTimeoutMs() : null;
                next = new PermissionSettings(autoAccept, on, timeout == null ? null : clock.instant().plusMillis(timeout),
                        timeout);
            } else {
                next = new PermissionSettings(autoAccept, cur.dangerouslySkipPermissions(), cur.bypassExpiresAt(),
                        cur.bypassTimeoutMs());
            }
            sessions.setPermissions(tx.connection(), p.sessionId(), next);
            SessionRow updated = sessions.find(tx.connection(), p.sessionId()).orElseThrow();
            events.settingsChanged(tx, updated, new SessionEvents.SettingsChange(p.autoAcceptEdits(),
                    p.dangerouslySkipPermissions(), Boolean.TRUE.equals(p.dangerouslySkipPermissions())
                    ? next.bypassTimeoutMs() : null, null, null));
            if (Boolean.TRUE.equals(p.dangerouslySkipPermissions())) {
                bypassListener.bypassEnabled(tx, p.sessionId());
            }
            return null;
        });
        return new Success(true);
    }

    /** hld's rule: missing means the daemon's cwd; {@code ~} expanded; must be an existing directory. */
    private Path workingDir(String requested) {
        Path dir = requested == null || requested.isBlank() ? daemonCwd : expand(requested);
        if (!Files.exists(dir)) {
            throw AgentdException.invalidParams("working directory does not exist: " + dir);
        }
        if (!Files.isDirectory(dir)) {
            throw AgentdException.invalidParams("working directory is not a directory: " + dir);
        }
        return dir;
    }

    private String absolute(String path) {
        return expand(path).toString();
    }

    private Path expand(String path) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2)).normalize();
        }
        return daemonCwd.resolve(path).toAbsolutePath().normalize();
    }

    private static String model(String requested) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        if (!MODEL.matcher(requested).matches()) {
            log.warn("ignoring model '{}': not a model name", requested);
            return null;
        }
        return requested;
    }
}
