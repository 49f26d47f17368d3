package io.agentd.daemon.workspace;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.workspace.changes.GitChanges;
import io.agentd.daemon.workspace.changes.SessionChanges;
import io.agentd.daemon.workspace.git.Git;
import io.agentd.daemon.workspace.git.GitRepository;
import io.agentd.daemon.workspace.git.TreeDelta;
import io.agentd.daemon.workspace.restore.GitRestorer;
import io.agentd.daemon.workspace.restore.RestoreAction;
import io.agentd.daemon.workspace.restore.RestoreResult;
import io.agentd.daemon.workspace.scan.DirectoryScanner;
import io.agentd.daemon.workspace.scan.Manifest;
import io.agentd.daemon.workspace.scan.ScanChanges;
import io.agentd.daemon.workspace.worktree.CleanupOutcome;
import io.agentd.daemon.workspace.worktree.CleanupRequest;
import io.agentd.daemon.workspace.worktree.Worktree;
import io.agentd.daemon.workspace.worktree.WorktreeStatus;
import io.agentd.daemon.workspace.worktree.Worktrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Workspaces of sessions: a checkpoint before a session starts, the changes it made, a way back, and a git
 * worktree of its own. In a git repository everything goes through the {@code git} executable with a
 * temporary index and refs under {@code refs/agentd/}, so the user's index, HEAD, branches and stash are never
 * touched (decision 0008); outside git a bounded scan stands in for the checkpoint. Transport-free: the
 * JSON-RPC and HTTP bindings call these methods and map {@link AgentdException}s.
 */
public final class WorkspaceService {
    private final Git git;
    private final WorkspaceConfig config;
    private final CheckpointFiles files;
    private final Worktrees worktrees;
    private final Clock clock;
    // One operation per repository at a time: two snapshots of one tree would race on nothing of the user's,
    // but a restore must not run beside a snapshot of the same tree.
    private final ConcurrentHashMap<Path, Object> repoLocks = new ConcurrentHashMap<>();

    public WorkspaceService(Git git, WorkspaceConfig config, Clock clock) {
        this.git = requireNonNull(git, "git is null");
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.files = new CheckpointFiles(config.stateDir());
        this.worktrees = new Worktrees(git, config.worktreeRoot(), config.stateDir(), clock);
    }

    /** Records {@code dir} as it is now, before session {@code sessionId} starts in it; replaces an earlier checkpoint. */
    public Checkpoint checkpoint(String sessionId, Path dir) {
        SessionIds.require(sessionId);
        Path absolute = requireNonNull(dir, "dir is null").toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw AgentdException.invalidParams("not a directory: " + dir);
        }
        Optional<GitRepository> repo = GitRepository.containing(git, absolute);
        Checkpoint c;
        if (repo.isPresent()) {
            GitRepository r = repo.get();
            synchronized (lock(r.root())) {
                String tree = r.snapshotTree();
                String commit = r.commitToRef(tree, Checkpoint.ref(sessionId), "agentd checkpoint of session " + sessionId);
                r.deleteRefIfPresent(Checkpoint.endRef(sessionId));
                c = new Checkpoint(sessionId, Checkpoint.Kind.GIT, absolute, r.root(), commit, tree, clock.instant());
            }
        } else {
            writeManifest(sessionId, "before", scan(absolute));
            deleteManifest(sessionId, "end");
            c = new Checkpoint(sessionId, Checkpoint.Kind.SCAN, absolute, absolute, "", "", clock.instant());
        }
        files.save(c);
        return c;
    }

    /** The checkpoint of a session, if one was taken. */
    public Optional<Checkpoint> findCheckpoint(String sessionId) {
        return files.find(SessionIds.require(sessionId));
    }

    /** What the session changed so far: the tree now against its checkpoint. */
    public SessionChanges changes(String sessionId) {
        Checkpoint c = checkpointOf(sessionId);
        return switch (c.kind()) {
            case GIT -> {
                GitRepository r = repo(c);
                synchronized (lock(r.root())) {
                    yield GitChanges.between(sessionId, r, c.tree(), r.snapshotTree(), config.limits());
                }
            }
            case SCAN -> ScanChanges.between(sessionId, readManifest(sessionId, "before"), scan(c.dir()), config.limits());
        };
    }

    /**
     * Records the tree as the session left it (a restore later refuses when the tree moved on from here) and
     * returns the session's changes, to be stored with the session.
     */
    public SessionChanges sessionEnded(String sessionId) {
        Checkpoint c = checkpointOf(sessionId);
        return switch (c.kind()) {
            case GIT -> {
                GitRepository r = repo(c);
                synchronized (lock(r.root())) {
                    String now = r.snapshotTree();
                    r.commitToRef(now, Checkpoint.endRef(sessionId), "agentd: session " + sessionId + " ended");
                    yield GitChanges.between(sessionId, r, c.tree(), now, config.limits());
                }
            }
            case SCAN -> {
                Manifest now = scan(c.dir());
                writeManifest(sessionId, "end", now);
                yield ScanChanges.between(sessionId, readManifest(sessionId, "before"), now, config.limits());
            }
        };
    }

    /**
     * Brings the tree back to the session's checkpoint: files the session modified or deleted get their
     * checkpoint content, files it created are deleted. The index, HEAD and stash are not touched, so what the
     * user had staged stays staged. Refuses, unless {@code force}, when the tree changed after the session ended.
     */
    public RestoreResult restore(String sessionId, boolean dryRun, boolean force) {
        Checkpoint c = checkpointOf(sessionId);
        if (c.kind() != Checkpoint.Kind.GIT) {
            throw AgentdException.conflict("session " + sessionId + " ran outside git: its checkpoint is a scan,"
                    + " which keeps no full contents to restore from");
        }
        GitRepository r = repo(c);
        synchronized (lock(r.root())) {
            String now = r.snapshotTree();
            List<String> changedSinceEnd = r.treeOf(Checkpoint.endRef(sessionId))
                    .map(end -> r.diffTrees(end, now).stream().map(TreeDelta::path).toList())
                    .orElse(List.of());
            GitRestorer restorer = new GitRestorer(r);
            List<RestoreAction> actions = restorer.plan(c.tree(), now);
            if (dryRun) {
                return new RestoreResult(sessionId, true, false, actions, changedSinceEnd);
            }
            if (!changedSinceEnd.isEmpty() && !force) {
                throw AgentdException.conflict(changedSinceEnd.size() + " files changed after session " + sessionId
                        + " ended (" + String.join(", ", changedSinceEnd.subList(0, Math.min(10, changedSinceEnd.size())))
                        + (changedSinceEnd.size() > 10 ? ", ..." : "") + "); restore with force to overwrite them");
            }
            restorer.apply(actions);
            // The restored tree is the session's last state now, so a second restore is a no-op, not a refusal.
            r.commitToRef(c.tree(), Checkpoint.endRef(sessionId), "agentd: session " + sessionId + " restored");
            return new RestoreResult(sessionId, false, true, actions, changedSinceEnd);
        }
    }

    /**
     * Deletes the checkpoints (refs, records, manifests) of every session not in {@code liveSessionIds}, also
     * refs under {@code refs/agentd/} left in the repositories those records named. Returns the pruned ids.
     */
    public Set<String> pruneCheckpoints(Set<String> liveSessionIds) {
        Set<String> pruned = new LinkedHashSet<>();
        Set<Path> roots = new LinkedHashSet<>();
        for (String id : files.sessionIds()) {
            Checkpoint c;
            try {
                c = files.find(id).orElse(null);
            } catch (AgentdException e) {
                c = null;
            }
            if (c != null && c.kind() == Checkpoint.Kind.GIT) {
                roots.add(c.repoRoot());
            }
            if (!liveSessionIds.contains(id)) {
                files.delete(id);
                pruned.add(id);
            }
        }
        for (Path root : roots) {
            GitRepository.containing(git, root).ifPresent(r -> {
                for (String prefix : List.of("refs/agentd/checkpoints/", "refs/agentd/session-ends/")) {
                    for (String ref : r.refs(prefix)) {
                        String id = ref.substring(prefix.length());
                        if (!liveSessionIds.contains(id)) {
                            r.deleteRef(ref);
                            pruned.add(id);
                        }
                    }
                }
            });
        }
        return pruned;
    }

    /** A worktree for the session on the new branch {@code agentd/<short id>} from the repository's HEAD. */
    public Worktree createWorktree(String sessionId, Path repoDir) {
        return createWorktree(sessionId, repoDir, "agentd/" + SessionIds.shortId(sessionId));
    }

    /** A worktree for the session on the new branch {@code branch} from the repository's HEAD. */
    public Worktree createWorktree(String sessionId, Path repoDir, String branch) {
        return worktrees.create(SessionIds.require(sessionId), SessionIds.shortId(sessionId),
                requireNonNull(repoDir, "repoDir is null").toAbsolutePath().normalize(), requireNonNull(branch, "branch is null"));
    }

    /** The session's worktree with its branch, commits ahead and whether it is dirty. */
    public Optional<WorktreeStatus> worktree(String sessionId) {
        return worktrees.find(SessionIds.require(sessionId)).map(worktrees::status);
    }

    public List<WorktreeStatus> listWorktrees() {
        return worktrees.list();
    }

    public List<CleanupOutcome> cleanup(CleanupRequest request) {
        return worktrees.cleanup(requireNonNull(request, "request is null"));
    }

    private Checkpoint checkpointOf(String sessionId) {
        return findCheckpoint(sessionId)
                .orElseThrow(() -> AgentdException.notFound("no checkpoint for session " + sessionId));
    }

    private GitRepository repo(Checkpoint c) {
        return GitRepository.containing(git, c.repoRoot())
                .orElseThrow(() -> AgentdException.conflict("the repository of session " + c.sessionId()
                        + " is gone: " + c.repoRoot()));
    }

    private Object lock(Path root) {
        return repoLocks.computeIfAbsent(root, k -> new Object());
    }

    private Manifest scan(Path dir) {
        try {
            return new DirectoryScanner(config.limits()).scan(dir);
        } catch (IOException e) {
            throw AgentdException.unavailable("cannot scan " + dir + ": " + e.getMessage());
        }
    }

    private void writeManifest(String sessionId, String which, Manifest m) {
        try {
            m.write(files.manifest(sessionId, which));
        } catch (IOException e) {
            throw AgentdException.unavailable("cannot write the manifest of " + sessionId + ": " + e.getMessage());
        }
    }

    private Manifest readManifest(String sessionId, String which) {
        try {
            return Manifest.read(files.manifest(sessionId, which));
        } catch (IOException e) {
            throw AgentdException.conflict("the manifest of session " + sessionId + " is unreadable: " + e.getMessage());
        }
    }

    private void deleteManifest(String sessionId, String which) {
        try {
            Files.deleteIfExists(files.manifest(sessionId, which));
        } catch (IOException e) {
            throw AgentdException.unavailable("cannot delete the manifest of " + sessionId + ": " + e.getMessage());
        }
    }
}
