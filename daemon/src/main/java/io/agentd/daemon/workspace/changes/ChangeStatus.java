package io.agentd.daemon.workspace.changes;

/** What happened to a file during a session. */
public enum ChangeStatus {
    ADDED, MODIFIED, DELETED;

    /** The wire name: {@code added}, {@code modified}, {@code deleted}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
