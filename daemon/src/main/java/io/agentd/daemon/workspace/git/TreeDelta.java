package io.agentd.daemon.workspace.git;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One line of {@code git diff-tree --raw}: a path whose blob or mode differs between two trees.
 *
 * @param oldBlob the all-zero id when the path is new
 * @param newBlob the all-zero id when the path is gone
 * @param status {@code A}, {@code M}, {@code D} or {@code T} (type change)
 */
public record TreeDelta(String oldMode, String newMode, String oldBlob, String newBlob, char status, String path) {
    public static final String NO_BLOB = "0".repeat(40);

    public TreeDelta {
        requireNonNull(path, "path is null");
    }

    public boolean added() {
        return status == 'A';
    }

    public boolean deleted() {
        return status == 'D';
    }

    /** A submodule (gitlink) entry on either side: its content is another repository's. */
    public boolean submodule() {
        return "160000".equals(oldMode) || "160000".equals(newMode);
    }

    public boolean symlink(boolean newSide) {
        return "120000".equals(newSide ? newMode : oldMode);
    }

    static List<TreeDelta> parseRaw(byte[] out) {
        List<TreeDelta> deltas = new ArrayList<>();
        int i = 0;
        while (i < out.length) {
            int headEnd = indexOf(out, i);
            String head = GitRepository.utf8(out, i, headEnd);
            int pathEnd = indexOf(out, headEnd + 1);
            String path = GitRepository.utf8(out, headEnd + 1, pathEnd);
            i = pathEnd + 1;
            // ":100644 100644 <old> <new> M"
            String[] f = head.substring(1).split(" ");
            deltas.add(new TreeDelta(f[0], f[1], f[2], f[3], f[4].charAt(0), path));
        }
        return deltas;
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return b.length;
    }
}
