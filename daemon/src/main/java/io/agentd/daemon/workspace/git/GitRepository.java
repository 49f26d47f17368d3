package io.agentd.daemon.workspace.git;

import io.agentd.daemon.error.AgentdException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One git working tree (the main one or a linked worktree), driven only through plumbing that leaves the
 * user's index, HEAD, branches and stash alone: snapshots go through a temporary index, refs live under
 * {@code refs/agentd/}.
 */
public final class GitRepository {
    /** Private namespace of agentd's refs: not a branch or tag, so {@code git branch} and {@code git tag} never show them. */
    public static final String REF_PREFIX = "refs/agentd/";

    private final Git git;
    private final Path root;

    private GitRepository(Git git, Path root) {
        this.git = git;
        this.root = root;
    }

    /** The repository whose working tree contains {@code dir}, if any (a bare repository or none: empty). */
    public static Optional<GitRepository> containing(Git git, Path dir) {
        requireNonNull(dir, "dir is null");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Git.Result r = git.tryRun(dir, "rev-parse", "--show-toplevel");
        if (!r.ok() || r.line().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GitRepository(git, Path.of(r.line())));
    }

    /** The top of the working tree. */
    public Path root() {
        return root;
    }

    public Git git() {
        return git;
    }

    /** HEAD's commit, empty in a repository without commits. */
    public Optional<String> head() {
        Git.Result r = git.tryRun(root, "rev-parse", "--verify", "-q", "HEAD^{commit}");
        return r.ok() ? Optional.of(r.line()) : Optional.empty();
    }

    /**
     * The tree of the working tree as it is now: tracked and untracked files, not ignored ones. Built in a
     * temporary index seeded from the real one (so unchanged files are not hashed again), which is deleted after.
     */
    public String snapshotTree() {
        Path index = null;
        try {
            index = Files.createTempFile("agentd-index-", "");
            Path real = Path.of(git.run(root, "rev-parse", "--path-format=absolute", "--git-path", "index").line());
            if (Files.isRegularFile(real)) {
                Files.copy(real, index, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // git refuses an empty file as an index; a missing one is an empty index.
                Files.delete(index);
            }
            git.runWithIndex(root, index, "add", "-A", "--ignore-errors", "--", ":/");
            return git.runWithIndex(root, index, "write-tree").line();
        } catch (IOException e) {
            throw AgentdException.unavailable("cannot create a temporary index: " + e.getMessage());
        } finally {
            deleteQuietly(index);
            if (index != null) {
                deleteQuietly(Path.of(index + ".lock"));
            }
        }
    }

    /** Records {@code tree} as a commit object (parent HEAD when there is one) on {@code ref}; returns the commit. */
    public String commitToRef(String tree, String ref, String message) {
        requireRef(ref);
        List<String> args = new ArrayList<>(List.of("commit-tree", tree, "-m", message));
        head().ifPresent(h -> args.addAll(List.of("-p", h)));
        String commit = git.run(root, args.toArray(String[]::new)).line();
        git.run(root, "update-ref", "-m", "agentd: " + message, ref, commit);
        return commit;
    }

    /** The tree a ref's commit points to, empty when the ref does not exist. */
    public Optional<String> treeOf(String ref) {
        requireRef(ref);
        Git.Result r = git.tryRun(root, "rev-parse", "--verify", "-q", ref + "^{tree}");
        return r.ok() ? Optional.of(r.line()) : Optional.empty();
    }

    /** Every ref under {@code prefix}. */
    public List<String> refs(String prefix) {
        requireRef(prefix);
        String out = git.run(root, "for-each-ref", "--format=%(refname)", prefix).text();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    public void deleteRefIfPresent(String ref) {
        if (treeOf(ref).isPresent()) {
            deleteRef(ref);
        }
    }

    public void deleteRef(String ref) {
        requireRef(ref);
        git.run(root, "update-ref", "-d", ref);
    }

    /** Files that differ between two trees, without rename detection (a rename is a delete and an add). */
    public List<TreeDelta> diffTrees(String from, String to) {
        byte[] out = git.run(root, "diff-tree", "-r", "-z", "--no-renames", "--no-ext-diff", from, to).stdout();
        return TreeDelta.parseRaw(out);
    }

    /** Reads blobs by id in one {@code cat-file --batch} process. */
    public BlobReader blobs() {
        return new BlobReader(git, root);
    }

    private static void requireRef(String ref) {
        if (!ref.startsWith(REF_PREFIX) || ref.contains("..") || ref.contains(" ")) {
            throw new IllegalArgumentException("not an agentd ref: " + ref);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }

    /** The empty tree's id, for a side with no files. */
    public static final String EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    static String utf8(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }
}
