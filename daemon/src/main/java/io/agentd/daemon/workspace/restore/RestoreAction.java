package io.agentd.daemon.workspace.restore;

import static java.util.Objects.requireNonNull;

/**
 * One step of a restore.
 *
 * @param blob the checkpoint's blob to write; empty for a delete
 * @param mode the checkpoint's file mode ({@code 100644}, {@code 100755}, {@code 120000}); empty for a delete
 */
public record RestoreAction(String path, Kind kind, String blob, String mode) {
    /** What the restore does to the path. */
    public enum Kind {
        /** The session created it: delete it. */
        DELETE,
        /** The session modified or deleted it: write the checkpoint's content back. */
        WRITE
    }

    public RestoreAction {
        requireNonNull(path, "path is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(blob, "blob is null");
        requireNonNull(mode, "mode is null");
    }
}
