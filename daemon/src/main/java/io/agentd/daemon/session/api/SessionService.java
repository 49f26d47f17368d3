package io.agentd.daemon.session.api;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.approval.PermissionPolicy;
import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.session.BypassEnabledListener;
import io.agentd.daemon.session.LaunchSpec;
import io.agentd.daemon.session.SessionContinuation;
import io.agentd.daemon.session.SessionEvents;
import io.agentd.daemon.session.SessionSupervisor;
import io.agentd.store.Database;
import io.agentd.store.Tx;
import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use cases that start or change sessions: launch, continue, interrupt, settings, title, archive. Every
 * rule of them is here (paths, model names, permissions through {@link PermissionPolicy}); transports bind
 * their input to these methods and map the results and the {@link AgentdException}s to their wire.
 * Each change is told to {@link SessionEvents} inside the transaction that makes it.
 */
public final class SessionService {
    private static final Logger log = LoggerFactory.getLogger(SessionService.class);
    /** Model names are passed as one argv element; anything else a user could mean is rejected here. */
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\[\\]-]{0,99}");

    private final SessionRunner runner;
    private final Database database;
    private final SessionEvents events;
    private final PermissionPolicy policy;
    private final BypassEnabledListener bypassListener;
    private final Path home;
    private final Path daemonCwd;
    private final SessionRepository sessions = new SessionRepository();

    /**
     * @param bypassListener told, in the same transaction, when an update turns bypass on
     * @param home what {@code ~} means in a path
     * @param daemonCwd what relative paths are resolved against
     */
    public SessionService(SessionRunner runner, Database database, SessionEvents events, PermissionPolicy policy,
                          BypassEnabledListener bypassListener, Path home, Path daemonCwd) {
        this.runner = requireNonNull(runner, "runner is null");
        this.database = requireNonNull(database, "database is null");
        this.events = requireNonNull(events, "events is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.bypassListener = requireNonNull(bypassListener, "bypassListener is null");
        this.home = requireNonNull(home, "home is null");
        this.daemonCwd = requireNonNull(daemonCwd, "daemonCwd is null");
    }

    /**
     * A service over the store alone, for tools and benchmarks: reads, titles and archiving work; starting,
     * continuing and interrupting are refused as unavailable; paths resolve against the JVM's directory.
     */
    public static SessionService storeOnly(Database database, SessionEvents events, Clock clock) {
        Path cwd = Path.of("").toAbsolutePath();
        return new SessionService(SessionRunner.NONE, database, events, new PermissionPolicy(clock),
                BypassEnabledListener.NONE, Path.of(System.getProperty("user.home", cwd.toString())), cwd);
    }

    /**
     * Starts a new session. The working directory must exist; an unusable model name is ignored (Claude's
     * default is used), as hld passes it on and lets Claude decide.
     */
    public SessionSupervisor.Launched launch(LaunchRequest r) {
        Path dir = workingDir(r.workingDir());
        LaunchConfig config = new LaunchConfig(r.maxTurns(), r.systemPrompt(), r.appendSystemPrompt(),
                r.customInstructions(), r.permissionPromptTool(), r.allowedTools(), r.disallowedTools(),
                absolute(r.additionalDirectories()));
        return runner.launch(new LaunchSpec(r.query(), r.title(), model(r.model()), dir, config, r.mcpServers(),
                policy.atLaunch(r.autoAcceptEdits(), r.bypass(), r.bypassTimeoutMs()), null, null));
    }

    /** Continues a session as a new one (see {@link SessionContinuation}); relative directories are resolved here. */
    public SessionSupervisor.Launched continueSession(String parentId, SessionContinuation.Overrides o) {
        SessionContinuation.Overrides resolved = new SessionContinuation.Overrides(o.query(), o.systemPrompt(),
                o.appendSystemPrompt(), o.mcpServers(), o.permissionPromptTool(), o.allowedTools(), o.disallowedTools(),
                absolute(o.additionalDirectories()), o.customInstructions(), o.maxTurns());
        try {
            return runner.continueSession(parentId, resolved);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AgentdException.unavailable("daemon is shutting down");
        }
    }

    /** Asks a running session to stop; the status moves to {@code interrupting}. */
    public void interrupt(String sessionId) {
        runner.interrupt(sessionId);
    }

    /** Changes permission settings as {@link PermissionPolicy#update} says; turning bypass on approves what waits. */
    public void updateSettings(SettingsUpdate u) {
        database.write(tx -> {
            SessionRow row = sessions.find(tx.connection(), u.sessionId())
                    .orElseThrow(() -> AgentdException.notFound("session not found: " + u.sessionId()));
            PermissionPolicy.SettingsOutcome outcome = policy.update(row.permissions(), u.autoAcceptEdits(), u.bypass(),
                    u.bypassTimeoutMs());
            sessions.setPermissions(tx.connection(), u.sessionId(), outcome.settings());
            SessionRow updated = sessions.find(tx.connection(), u.sessionId()).orElseThrow();
            events.settingsChanged(tx, updated, new SessionEvents.SettingsChange(u.autoAcceptEdits(), u.bypass(),
                    outcome.bypassSwitchedOn() ? outcome.settings().bypassTimeoutMs() : null, null, null));
            if (outcome.bypassSwitchedOn()) {
                bypassListener.bypassEnabled(tx, u.sessionId());
            }
            return null;
        });
    }

    /** Sets a session's title; an empty title clears it. */
    public void updateTitle(String sessionId, String title) {
        database.write(tx -> {
            if (!sessions.setTitle(tx.connection(), sessionId, title)) {
                throw AgentdException.notFound("failed to update session: session not found: " + sessionId);
            }
            Optional<SessionRow> row = sessions.find(tx.connection(), sessionId);
            if (row.isPresent()) {
                events.titleChanged(tx, row.get());
            }
            return null;
        });
    }

    /** Sets or clears one session's archived flag. */
    public void archive(String sessionId, boolean archived) {
        database.write(tx -> {
            if (!setArchived(tx, sessionId, archived)) {
                throw AgentdException.notFound("failed to archive session: session not found: " + sessionId);
            }
            return null;
        });
    }

    /**
     * Sets or clears the archived flag of several sessions in one transaction. Unknown ids do not undo the
     * others.
     *
     * @return the ids that were not found, in request order; empty when all were
     */
    public List<String> bulkArchive(List<String> sessionIds, boolean archived) {
        return database.write(tx -> {
            List<String> missing = new ArrayList<>();
            for (String id : sessionIds) {
                if (!setArchived(tx, id, archived)) {
                    missing.add(id);
                }
            }
            return List.copyOf(missing);
        });
    }

    private boolean setArchived(Tx tx, String id, boolean archived) throws SQLException {
        if (!sessions.setArchived(tx.connection(), id, archived)) {
            return false;
        }
        Optional<SessionRow> row = sessions.find(tx.connection(), id);
        if (row.isPresent()) {
            events.archivedChanged(tx, row.get());
        }
        return true;
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

    private List<String> absolute(List<String> paths) {
        return paths == null ? null : paths.stream().map(p -> expand(p).toString()).toList();
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
