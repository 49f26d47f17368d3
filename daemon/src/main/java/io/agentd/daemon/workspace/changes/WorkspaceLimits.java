package io.agentd.daemon.workspace.changes;

/**
 * Every size the workspace code caps, in one place (documented in docs/workspaces.md).
 *
 * @param maxFiles files listed in one {@link SessionChanges}; the rest are counted in its note
 * @param largeFileBytes a file above this on either side is marked large and not diffed
 * @param maxDiffBytes one file's diff is cut here (and says so)
 * @param maxTotalDiffBytes all diffs of one result together; later files get no diff once it is spent
 * @param scanMaxFiles files a scan outside git looks at before it stops and marks the result truncated
 * @param scanHashBytes files up to this size are hashed by a scan (larger ones are compared by size and mtime)
 * @param scanContentBytes text files up to this size keep their content in the manifest, for diffs
 * @param scanMaxContentBytes the manifest's kept content in total
 */
public record WorkspaceLimits(int maxFiles, long largeFileBytes, int maxDiffBytes, long maxTotalDiffBytes,
                              int scanMaxFiles, long scanHashBytes, long scanContentBytes, long scanMaxContentBytes) {
    public WorkspaceLimits {
        if (maxFiles < 1 || largeFileBytes < 1 || maxDiffBytes < 1 || maxTotalDiffBytes < 1 || scanMaxFiles < 1
                || scanHashBytes < 0 || scanContentBytes < 0 || scanMaxContentBytes < 0) {
            throw new IllegalArgumentException("workspace limits must be positive");
        }
    }

    /** The defaults agentd runs with. */
    public static WorkspaceLimits defaults() {
        return new WorkspaceLimits(2_000, 1024 * 1024, 256 * 1024, 8L * 1024 * 1024, 20_000, 8L * 1024 * 1024,
                256 * 1024, 32L * 1024 * 1024);
    }
}
