package io.agentd.daemon.workspace.restore;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.workspace.git.GitRepository;
import io.agentd.daemon.workspace.git.TreeDelta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Brings a working tree back to a checkpoint tree by writing files, never through git commands that touch
 * the index, HEAD or the stash: contents come from the checkpoint's blobs, files created since are deleted.
 */
public final class GitRestorer {
    private final GitRepository repo;

    public GitRestorer(GitRepository repo) {
        this.repo = repo;
    }

    /** The steps that turn {@code currentTree} back into {@code checkpointTree}. */
    public List<RestoreAction> plan(String checkpointTree, String currentTree) {
        List<RestoreAction> actions = new ArrayList<>();
        for (TreeDelta d : repo.diffTrees(checkpointTree, currentTree)) {
            if (d.submodule()) {
                continue;
            }
            actions.add(d.added() ? new RestoreAction(d.path(), RestoreAction.Kind.DELETE, "", "")
                    : new RestoreAction(d.path(), RestoreAction.Kind.WRITE, d.oldBlob(), d.oldMode()));
        }
        actions.sort(Comparator.comparing(RestoreAction::path));
        return actions;
    }

    /**
     * Checks every path's form first, so a path naming something outside stops the restore before anything
     * is written; symlinks on the way are checked again at each step, since the deletes may remove them.
     */
    public void apply(List<RestoreAction> actions) {
        SafePaths paths = new SafePaths(repo.root());
        for (RestoreAction a : actions) {
            paths.lexical(a.path());
        }
        // Deletes first: a file created where the checkpoint had a directory must go before it is written.
        for (RestoreAction a : actions) {
            if (a.kind() == RestoreAction.Kind.DELETE) {
                delete(paths, a.path());
            }
        }
        for (RestoreAction a : actions) {
            if (a.kind() == RestoreAction.Kind.WRITE) {
                write(paths, a);
            }
        }
    }

    private void write(SafePaths paths, RestoreAction a) {
        Path target = paths.resolve(a.path());
        try {
            Path parent = target.getParent();
            clearFileOnTheWay(paths.root(), parent);
            Files.createDirectories(parent);
            // Checked again after creating directories: one of them may have appeared as a symlink meanwhile.
            target = paths.resolve(a.path());
            byte[] content = repo.blobs().content(a.blob());
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(target);
            }
            if ("120000".equals(a.mode())) {
                Files.deleteIfExists(target);
                Files.createSymbolicLink(target, Path.of(new String(content, java.nio.charset.StandardCharsets.UTF_8)));
                return;
            }
            Path tmp = Files.createTempFile(parent, ".agentd-restore-", ".tmp");
            Files.write(tmp, content);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(
                    "100755".equals(a.mode()) ? "rwxr-xr-x" : "rw-r--r--"));
            // A rename replaces a symlink at the target instead of writing through it.
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw AgentdException.unavailable("cannot restore " + a.path() + ": " + e.getMessage());
        }
    }

    private static void delete(SafePaths paths, String relative) {
        Path target = paths.resolve(relative);
        try {
            Files.deleteIfExists(target);
            for (Path dir = target.getParent(); !dir.equals(paths.root()); dir = dir.getParent()) {
                try (var s = Files.list(dir)) {
                    if (s.findAny().isPresent()) {
                        break;
                    }
                }
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw AgentdException.unavailable("cannot delete " + relative + ": " + e.getMessage());
        }
    }

    /** A file the session put where the checkpoint had a directory is removed so the directory can come back. */
    private static void clearFileOnTheWay(Path root, Path dir) throws IOException {
        for (Path d = root; !d.equals(dir); ) {
            d = d.resolve(dir.getName(d.getNameCount()));
            if (Files.exists(d, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(d)) {
                Files.delete(d);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
