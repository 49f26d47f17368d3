package io.agentd.daemon.workspace.changes;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns the two sides of a file into a {@link FileChange}, spending a shared diff budget so one result stays
 * bounded however many files changed.
 */
public final class Diffs {
    private static final int BINARY_PROBE = 8000;

    private final WorkspaceLimits limits;
    private long budget;

    public Diffs(WorkspaceLimits limits) {
        this.limits = limits;
        this.budget = limits.maxTotalDiffBytes();
    }

    /** True when git would call these bytes binary: a NUL in the first 8000. */
    public static boolean binary(byte[] content) {
        int n = Math.min(content.length, BINARY_PROBE);
        for (int i = 0; i < n; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param before null when the file did not exist, or when its content is not known (then {@code beforeSize} still is)
     * @param after null when the file is gone or not read
     */
    public FileChange change(String path, ChangeStatus status, byte[] before, long beforeSize, byte[] after,
                             long afterSize) {
        boolean large = beforeSize > limits.largeFileBytes() || afterSize > limits.largeFileBytes();
        boolean binary = (before != null && binary(before)) || (after != null && binary(after));
        if (large) {
            return new FileChange(path, status, "", binary, true, beforeSize, afterSize,
                    "larger than " + limits.largeFileBytes() + " bytes: not diffed");
        }
        if (binary) {
            return new FileChange(path, status, "", true, false, beforeSize, afterSize, "binary: not diffed");
        }
        boolean missingSide = (status != ChangeStatus.ADDED && before == null)
                || (status != ChangeStatus.DELETED && after == null);
        if (missingSide) {
            return new FileChange(path, status, "", false, false, beforeSize, afterSize, "content not kept: not diffed");
        }
        if (budget <= 0) {
            return new FileChange(path, status, "", false, false, beforeSize, afterSize,
                    "diff budget of " + limits.maxTotalDiffBytes() + " bytes spent: not diffed");
        }
        String diff = unified(path, status, before, after);
        String note = "";
        int cap = (int) Math.min(limits.maxDiffBytes(), budget);
        if (diff.length() > cap) {
            diff = diff.substring(0, cap) + "\n";
            note = "diff cut at " + cap + " characters";
        }
        budget -= diff.length();
        return new FileChange(path, status, diff, false, false, beforeSize, afterSize, note);
    }

    private static String unified(String path, ChangeStatus status, byte[] before, byte[] after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        String from = status == ChangeStatus.ADDED ? "/dev/null" : "a/" + path;
        String to = status == ChangeStatus.DELETED ? "/dev/null" : "b/" + path;
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(from, to, a, patch, 3);
        StringBuilder sb = new StringBuilder();
        for (String line : out) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    private static List<String> lines(byte[] content) {
        if (content == null || content.length == 0) {
            return List.of();
        }
        String[] parts = new String(content, StandardCharsets.UTF_8).split("\n", -1);
        // "a\nb\n" splits into [a, b, ""]: the last empty part is the final newline, not a line.
        int n = parts[parts.length - 1].isEmpty() ? parts.length - 1 : parts.length;
        return List.of(parts).subList(0, n);
    }
}
