package io.agentd.daemon.workspace.api;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.NoParams;
import io.agentd.daemon.workspace.WorkspaceService;
import io.agentd.daemon.workspace.changes.FileChange;
import io.agentd.daemon.workspace.changes.SessionChanges;
import io.agentd.daemon.workspace.changes.StoredChanges;
import io.agentd.daemon.workspace.restore.RestoreResult;
import io.agentd.daemon.workspace.worktree.WorktreeStatus;
import io.agentd.store.Database;
import io.agentd.store.workspace.SessionChangesRepository;
import io.agentd.store.workspace.SessionChangesRow;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The workspace RPC methods, a thin binding of {@link WorkspaceService}: {@code getSessionChanges}
 * (the stored end-of-session changes, or the live ones while the session runs), {@code restoreCheckpoint}
 * and {@code listWorktrees}. Field names are snake_case on the wire (the daemon's mapper).
 */
public final class WorkspaceMethods {
    private final WorkspaceService service;
    private final Database db;
    private final SessionChangesRepository stored = new SessionChangesRepository();

    /** {@code getSessionChanges} params. */
    public record ChangesParams(String sessionId) {
        public ChangesParams {
            sessionId = required(sessionId);
        }
    }

    /** {@code restoreCheckpoint} params; {@code dry_run} and {@code force} default to false. */
    public record RestoreParams(String sessionId, Boolean dryRun, Boolean force) {
        public RestoreParams {
            sessionId = required(sessionId);
        }
    }

    /** One file on the wire: {@code status} is {@code added}, {@code modified} or {@code deleted}. */
    public record FileView(String path, String status, String diff, boolean binary, boolean large, String note) {
        static FileView of(FileChange f) {
            return new FileView(f.path(), f.status().wireName(), f.diff(), f.binary(), f.large(), f.note());
        }
    }

    /** {@code {files, truncated, note, source, stored}}: {@code stored} false for a live comparison. */
    public record ChangesResult(List<FileView> files, boolean truncated, String note, String source, boolean stored) {
    }

    /** One restore step: {@code action} is {@code delete} or {@code write}. */
    public record ActionView(String path, String action) {
    }

    public record RestoreView(boolean dryRun, boolean applied, List<ActionView> actions, List<String> changedSinceEnd) {
    }

    public record WorktreeView(String sessionId, String path, String branch, int commitsAhead, int unmergedCommits,
                               boolean dirty, boolean exists, long diskBytes) {
        static WorktreeView of(WorktreeStatus s) {
            return new WorktreeView(s.worktree().sessionId(), s.worktree().path().toString(), s.branch(),
                    s.commitsAhead(), s.unmergedCommits(), s.dirty(), s.exists(), s.diskBytes());
        }
    }

    public record WorktreesResult(List<WorktreeView> worktrees) {
    }

    public WorkspaceMethods(WorkspaceService service, Database db) {
        this.service = requireNonNull(service, "service is null");
        this.db = requireNonNull(db, "db is null");
    }

    public void register(MethodRegistry registry) {
        registry.register("getSessionChanges", ChangesParams.class, (p, ctx) -> changes(p));
        registry.register("restoreCheckpoint", RestoreParams.class, (p, ctx) -> restore(p));
        registry.register("listWorktrees", NoParams.class, (p, ctx) -> worktrees());
    }

    ChangesResult changes(ChangesParams p) {
        Optional<SessionChangesRow> row = db.read(c -> stored.find(c, p.sessionId()));
        if (row.isPresent()) {
            return view(StoredChanges.fromRow(row.get()), true);
        }
        if (service.findCheckpoint(p.sessionId()).isEmpty()) {
            throw AgentdException.notFound("no changes recorded for session " + p.sessionId());
        }
        return view(service.changes(p.sessionId()), false);
    }

    RestoreView restore(RestoreParams p) {
        RestoreResult r = service.restore(p.sessionId(), Boolean.TRUE.equals(p.dryRun()), Boolean.TRUE.equals(p.force()));
        return new RestoreView(r.dryRun(), r.applied(), r.actions().stream()
                .map(a -> new ActionView(a.path(), a.kind().name().toLowerCase(Locale.ROOT))).toList(), r.changedSinceEnd());
    }

    WorktreesResult worktrees() {
        return new WorktreesResult(service.listWorktrees().stream().map(WorktreeView::of).toList());
    }

    private static ChangesResult view(SessionChanges c, boolean stored) {
        return new ChangesResult(c.files().stream().map(FileView::of).toList(), c.truncated(), c.note(),
                c.source().name().toLowerCase(Locale.ROOT), stored);
    }

    private static String required(String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) {
            throw AgentdException.invalidParams("session_id is required");
        }
        return sessionId;
    }
}
