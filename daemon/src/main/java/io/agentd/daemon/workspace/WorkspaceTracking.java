package io.agentd.daemon.workspace;

import io.agentd.daemon.session.SessionWorkspaces;
import io.agentd.daemon.workspace.changes.SessionChanges;
import io.agentd.daemon.workspace.changes.StoredChanges;
import io.agentd.store.Database;
import io.agentd.store.workspace.SessionChangesRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static java.util.Objects.requireNonNull;

/**
 * Connects sessions to their workspace: a checkpoint of the working tree before Claude starts, and the
 * session's changes stored with it once it ends (so they outlive the tree). A failure here is logged and
 * never stops a session: tracking is a record of the session, not a condition for running it.
 */
public final class WorkspaceTracking implements SessionWorkspaces {
    private static final Logger log = LoggerFactory.getLogger(WorkspaceTracking.class);

    private final WorkspaceService service;
    private final Database database;
    private final Clock clock;
    private final SessionChangesRepository stored = new SessionChangesRepository();

    public WorkspaceTracking(WorkspaceService service, Database database, Clock clock) {
        this.service = requireNonNull(service, "service is null");
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void beforeStart(String sessionId, Path workingDir) {
        if (!insideGitRepository(workingDir)) {
            // The bounded scan outside git reads up to 20,000 files: too slow to run on every launch (a session
            // in the home folder), so only git repositories are tracked at launch.
            return;
        }
        try {
            Checkpoint c = service.checkpoint(sessionId, workingDir);
            log.info("session {}: checkpoint of {} ({})", sessionId, workingDir, c.kind());
        } catch (RuntimeException e) {
            log.warn("session {}: no checkpoint of {}: {}", sessionId, workingDir, e.getMessage());
        }
    }

    /** A {@code .git} folder or file (worktrees, submodules) in the folder or one above it. */
    static boolean insideGitRepository(Path dir) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void afterEnd(String sessionId) {
        if (service.findCheckpoint(sessionId).isEmpty()) {
            return;
        }
        try {
            SessionChanges changes = service.sessionEnded(sessionId);
            database.write(tx -> {
                stored.replace(tx.connection(), StoredChanges.toRow(changes, clock.instant()));
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("session {}: its changes could not be recorded: {}", sessionId, e.getMessage());
        }
    }
}
