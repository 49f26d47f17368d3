package io.agentd.daemon.workspace.scan;

import io.agentd.daemon.workspace.changes.Diffs;
import io.agentd.daemon.workspace.changes.WorkspaceLimits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bounded scan of a directory outside git: regular files only (symlinks are not followed), {@code .git}
 * and paths the {@code .gitignore} files met on the way ignore skipped, at most
 * {@link WorkspaceLimits#scanMaxFiles()} files.
 */
public final class DirectoryScanner {
    private final WorkspaceLimits limits;

    public DirectoryScanner(WorkspaceLimits limits) {
        this.limits = limits;
    }

    private record Frame(Path dir, String relative, List<Scoped> ignores) {
    }

    /** Rules of one .gitignore with the directory (relative to the scan root) it sits in. */
    private record Scoped(String base, IgnoreRules rules) {
        boolean ignored(String relative, boolean directory) {
            String local = base.isEmpty() ? relative : relative.substring(base.length() + 1);
            return rules.ignored(local, directory);
        }
    }

    public Manifest scan(Path root) throws IOException {
        Map<String, Manifest.Entry> entries = new TreeMap<>();
        long contentBudget = limits.scanMaxContentBytes();
        boolean truncated = false;
        Deque<Frame> todo = new ArrayDeque<>();
        todo.push(new Frame(root, "", withRules(List.of(), root, "")));
        while (!todo.isEmpty() && !truncated) {
            Frame f = todo.pop();
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(f.dir())) {
                stream.forEach(children::add);
            } catch (IOException e) {
                continue;
            }
            children.sort(null);
            for (Path child : children) {
                String name = child.getFileName().toString();
                String rel = f.relative().isEmpty() ? name : f.relative() + "/" + name;
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    continue;
                }
                if (a.isDirectory()) {
                    if (!name.equals(".git") && !ignored(f.ignores(), rel, true)) {
                        todo.push(new Frame(child, rel, withRules(f.ignores(), child, rel)));
                    }
                    continue;
                }
                if (!a.isRegularFile() || ignored(f.ignores(), rel, false)) {
                    continue;
                }
                if (entries.size() >= limits.scanMaxFiles()) {
                    truncated = true;
                    break;
                }
                String hash = "";
                byte[] content = null;
                if (a.size() <= limits.scanHashBytes()) {
                    byte[] bytes = a.size() <= limits.scanContentBytes() ? readSmall(child) : null;
                    hash = bytes != null ? sha256(bytes) : sha256(child);
                    if (bytes != null && !Diffs.binary(bytes) && contentBudget >= bytes.length) {
                        content = bytes;
                        contentBudget -= bytes.length;
                    }
                }
                entries.put(rel, new Manifest.Entry(a.size(), a.lastModifiedTime().toMillis(), hash, content));
            }
        }
        return new Manifest(entries, truncated);
    }

    private static boolean ignored(List<Scoped> ignores, String rel, boolean directory) {
        boolean ignored = false;
        for (Scoped s : ignores) {
            if (s.ignored(rel, directory)) {
                ignored = true;
            }
        }
        return ignored;
    }

    private static List<Scoped> withRules(List<Scoped> parent, Path dir, String rel) {
        IgnoreRules rules = IgnoreRules.in(dir);
        if (rules == IgnoreRules.NONE) {
            return parent;
        }
        List<Scoped> all = new ArrayList<>(parent);
        all.add(new Scoped(rel, rules));
        return List.copyOf(all);
    }

    private static byte[] readSmall(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static String sha256(Path file) {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            return "";
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
