package io.agentd.daemon.workspace.restore;

import io.agentd.daemon.error.AgentdException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Resolves a repository-relative path for writing or deleting, refusing any path that would leave the
 * working tree: {@code ..}, absolute paths, and directories on the way that are symlinks leading outside.
 * The last component itself is never followed: a symlink there is replaced or deleted, not written through.
 */
public final class SafePaths {
    private final Path root;
    private final Path realRoot;

    public SafePaths(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw AgentdException.conflict("working tree is gone: " + root);
        }
    }

    public Path root() {
        return root;
    }

    /** The file {@code relative} names, checking only its form: relative, no {@code ..} out of the root. */
    public Path lexical(String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\0")) {
            throw refused(relative, "not a relative path");
        }
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw refused(relative, "it leads outside the working tree");
        }
        return p;
    }

    /** The file {@code relative} names, after checking every existing parent stays inside the root. */
    public Path resolve(String relative) {
        Path p = lexical(relative);
        Path parent = p.getParent();
        for (Path dir = root; ; ) {
            if (dir.equals(parent)) {
                break;
            }
            dir = dir.resolve(parent.getName(dir.getNameCount()));
            if (Files.isSymbolicLink(dir)) {
                Path target;
                try {
                    target = dir.toRealPath();
                } catch (IOException e) {
                    throw refused(relative, dir + " is a dangling symlink");
                }
                if (!target.startsWith(realRoot)) {
                    throw refused(relative, root.relativize(dir) + " is a symlink that leads outside the working tree");
                }
            } else if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw refused(relative, root.relativize(dir) + " is not a directory");
            }
        }
        return p;
    }

    private static AgentdException refused(String relative, String why) {
        return AgentdException.conflict("refusing to touch " + relative + ": " + why);
    }
}
