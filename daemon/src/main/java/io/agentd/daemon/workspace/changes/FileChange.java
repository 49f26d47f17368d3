package io.agentd.daemon.workspace.changes;

import static java.util.Objects.requireNonNull;

/**
 * One file a session created, modified or deleted.
 *
 * @param path relative to the working tree's top, with {@code /}
 * @param diff a unified diff, empty when the file is binary, large, or the diff budget was spent ({@code note} says which)
 * @param binary true when either side holds a NUL byte in its first 8000 bytes (git's rule)
 * @param large true when either side is above {@link WorkspaceLimits#largeFileBytes()}: marked, never diffed
 * @param oldSize bytes before, -1 when the file did not exist
 * @param newSize bytes after, -1 when the file is gone
 * @param note why {@code diff} is empty or cut, empty otherwise
 */
public record FileChange(String path, ChangeStatus status, String diff, boolean binary, boolean large, long oldSize,
                         long newSize, String note) {
    public FileChange {
        requireNonNull(path, "path is null");
        requireNonNull(status, "status is null");
        requireNonNull(diff, "diff is null");
        requireNonNull(note, "note is null");
    }
}
