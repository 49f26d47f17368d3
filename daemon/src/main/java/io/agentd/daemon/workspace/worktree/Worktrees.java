package io.agentd.daemon.workspace.worktree;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.workspace.git.Git;
import io.agentd.daemon.workspace.git.GitRepository;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Git worktrees for sessions: one per session, on a new branch from the repository's HEAD, under a root
 * directory; listed with their state and disk use; removed under a retention policy that never drops
 * uncommitted work or commits merged nowhere unless forced. What agentd made is recorded under
 * {@code <state>/worktrees/}, so only agentd's own worktrees are ever listed or removed.
 */
public final class Worktrees {
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,199}");

    private final Git git;
    private final Path root;
    private final Path records;
    private final Clock clock;

    public Worktrees(Git git, Path root, Path state, Clock clock) {
        this.git = git;
        this.root = root.toAbsolutePath().normalize();
        this.records = state.resolve("worktrees");
        this.clock = clock;
    }

    /**
     * Adds {@code <root>/<repo>-<shortId>} on the new branch {@code branch} from HEAD of the repository
     * holding {@code repoDir}.
     */
    public Worktree create(String sessionId, String shortId, Path repoDir, String branch) {
        if (!BRANCH.matcher(branch).matches() || branch.contains("..") || branch.endsWith(".lock")) {
            throw AgentdException.invalidParams("not a usable branch name: " + branch);
        }
        if (find(sessionId).isPresent()) {
            throw AgentdException.conflict("session " + sessionId + " already has a worktree");
        }
        GitRepository repo = GitRepository.containing(git, repoDir)
                .orElseThrow(() -> AgentdException.invalidParams(repoDir + " is not in a git repository"));
        Path main = mainWorkingTree(repo);
        String base = repo.head().orElseThrow(() -> AgentdException.conflict(main + " has no commit to branch from"));
        if (git.tryRun(main, "show-ref", "--verify", "-q", "refs/heads/" + branch).ok()) {
            throw AgentdException.conflict("branch " + branch + " already exists in " + main);
        }
        Path path = root.resolve(main.getFileName() + "-" + shortId);
        if (Files.exists(path)) {
            throw AgentdException.conflict(path + " already exists");
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw AgentdException.unavailable("cannot create the worktree root " + root + ": " + e.getMessage());
        }
        git.run(main, "worktree", "add", "-q", "-b", branch, path.toString(), base);
        Worktree w = new Worktree(sessionId, main, path, branch, base, clock.instant());
        save(w);
        return w;
    }

    public Optional<Worktree> find(String sessionId) {
        Path file = records.resolve(sessionId + ".properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw AgentdException.internal("unreadable worktree record of " + sessionId, e);
        }
        return Optional.of(new Worktree(sessionId, Path.of(p.getProperty("repoRoot")), Path.of(p.getProperty("path")),
                p.getProperty("branch"), p.getProperty("baseCommit"), Instant.parse(p.getProperty("createdAt"))));
    }

    /** Every worktree agentd made, with its state now. */
    public List<WorktreeStatus> list() {
        List<WorktreeStatus> all = new ArrayList<>();
        if (!Files.isDirectory(records)) {
            return all;
        }
        try (var s = Files.list(records)) {
            for (Path f : s.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".properties")) {
                    find(name.substring(0, name.length() - ".properties".length())).map(this::status).ifPresent(all::add);
                }
            }
        } catch (IOException e) {
            throw AgentdException.unavailable("cannot list worktrees: " + e.getMessage());
        }
        return all;
    }

    public WorktreeStatus status(Worktree w) {
        boolean exists = Files.isDirectory(w.path());
        boolean branchExists = git.tryRun(w.repoRoot(), "show-ref", "--verify", "-q", "refs/heads/" + w.branch()).ok();
        int ahead = branchExists ? count(w.repoRoot(), "rev-list", "--count", w.baseCommit() + ".." + "refs/heads/" + w.branch()) : 0;
        int unmerged = branchExists ? unmerged(w) : 0;
        String branch = w.branch();
        boolean dirty = false;
        long bytes = 0;
        if (exists) {
            Git.Result head = git.tryRun(w.path(), "symbolic-ref", "-q", "--short", "HEAD");
            branch = head.ok() ? head.line() : "(detached)";
            dirty = !git.run(w.path(), "status", "--porcelain", "--untracked-files=normal").text().isBlank();
            bytes = diskBytes(w.path());
        }
        return new WorktreeStatus(w, exists, branch, ahead, unmerged, dirty, bytes);
    }

    /** Removes the worktrees the request selects, each only when nothing would be lost (or when forced). */
    public List<CleanupOutcome> cleanup(CleanupRequest request) {
        Instant cutoff = clock.instant().minus(request.olderThan());
        List<CleanupOutcome> outcomes = new ArrayList<>();
        for (WorktreeStatus s : list()) {
            Worktree w = s.worktree();
            if (!request.sessionIds().isEmpty() && !request.sessionIds().contains(w.sessionId())) {
                continue;
            }
            if (w.createdAt().isAfter(cutoff)) {
                continue;
            }
            List<String> keep = new ArrayList<>();
            if (s.dirty()) {
                keep.add("uncommitted changes");
            }
            if (s.unmergedCommits() > 0) {
                keep.add(s.unmergedCommits() + " commits on " + w.branch() + " merged nowhere");
            }
            if (!keep.isEmpty() && !request.force()) {
                outcomes.add(new CleanupOutcome(s, false, "kept: " + String.join(", ", keep) + " (force to remove)", 0));
                continue;
            }
            if (!request.dryRun()) {
                remove(s, request.force());
            }
            outcomes.add(new CleanupOutcome(s, true, "", s.diskBytes()));
        }
        return outcomes;
    }

    private void remove(WorktreeStatus s, boolean force) {
        Worktree w = s.worktree();
        if (s.exists()) {
            List<String> args = new ArrayList<>(List.of("worktree", "remove"));
            if (force) {
                args.add("--force");
            }
            args.add(w.path().toString());
            git.run(w.repoRoot(), args.toArray(String[]::new));
        } else {
            git.run(w.repoRoot(), "worktree", "prune");
        }
        if (git.tryRun(w.repoRoot(), "show-ref", "--verify", "-q", "refs/heads/" + w.branch()).ok()) {
            // -D, not -d: whether the commits are kept elsewhere was checked above against every ref, not just HEAD.
            git.run(w.repoRoot(), "branch", "-D", w.branch());
        }
        try {
            Files.deleteIfExists(records.resolve(w.sessionId() + ".properties"));
        } catch (IOException e) {
            throw AgentdException.unavailable("cannot delete the worktree record of " + w.sessionId());
        }
    }

    private int unmerged(Worktree w) {
        String ref = "refs/heads/" + w.branch();
        // --exclude applies to the --branches after it and takes the name without refs/heads/.
        return count(w.repoRoot(), "rev-list", "--count", ref, "--not", "--exclude=" + w.branch(), "--branches",
                "--tags", "--remotes");
    }

    private int count(Path dir, String... args) {
        return Integer.parseInt(git.run(dir, args).line());
    }

    /** The main working tree, also when {@code repo} is itself a linked worktree. */
    private Path mainWorkingTree(GitRepository repo) {
        Path common = Path.of(git.run(repo.root(), "rev-parse", "--path-format=absolute", "--git-common-dir").line());
        return common.getFileName().toString().equals(".git") ? common.getParent() : repo.root();
    }

    private void save(Worktree w) {
        Properties p = new Properties();
        p.setProperty("repoRoot", w.repoRoot().toString());
        p.setProperty("path", w.path().toString());
        p.setProperty("branch", w.branch());
        p.setProperty("baseCommit", w.baseCommit());
        p.setProperty("createdAt", w.createdAt().toString());
        try {
            Files.createDirectories(records);
            Path file = records.resolve(w.sessionId() + ".properties");
            Path tmp = records.resolve(w.sessionId() + ".properties.tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "agentd worktree of session " + w.sessionId());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw AgentdException.unavailable("cannot record the worktree of " + w.sessionId() + ": " + e.getMessage());
        }
    }

    static long diskBytes(Path dir) {
        long[] total = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    total[0] += attrs.size();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return total[0];
        }
        return total[0];
    }
}
