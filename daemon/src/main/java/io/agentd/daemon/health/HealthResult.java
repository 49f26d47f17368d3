package io.agentd.daemon.health;

/**
 * The {@code health} result: hld's {@code {status, version}} plus what a user needs to trust the daemon.
 *
 * @param uptimeMs milliseconds since the daemon started
 * @param activeSessions sessions with a live Claude process
 * @param approvalsServer the MCP approvals server injected into sessions (agentd addition)
 */
public record HealthResult(String status, String version, long uptimeMs, int activeSessions, ClaudeStatus claude,
                           StoreStatus store, ApprovalsServerStatus approvalsServer, JobsStatus jobs) {
    /**
     * The Claude Code CLI the daemon would launch.
     *
     * @param path absent when not found
     * @param version absent when unknown
     * @param error absent when usable
     */
    public record ClaudeStatus(boolean available, String path, String version, String error) {
    }

    /**
     * Whether the database takes writes.
     *
     * @param ok false from a write the database refused (full, read-only, I/O error, locked, damaged) until a
     *           later write is stored
     * @param error absent when ok: the latest refusal, e.g. "database is full: ..."
     * @param since absent when ok: when the first refusal of this episode happened (RFC 3339)
     */
    public record StoreStatus(boolean ok, String error, String since) {
    }

    /**
     * The approvals server sessions get ({@code --approvals-command}).
     *
     * @param injected false when sessions run without one, on purpose (an empty command)
     * @param command absent when none is injected
     * @param ok false when the command cannot run; launches are then refused
     * @param error absent when ok: e.g. "jar .../agentd-cli.jar does not exist"
     */
    public record ApprovalsServerStatus(boolean injected, String command, boolean ok, String error) {
    }

    /**
     * Whether the daemon's long-lived jobs (checkpointer, writer, janitor, monitors, watcher, accept loop) work.
     *
     * @param ok false from a failed round of any job (an OutOfMemoryError, say) until its next round succeeds
     * @param error absent when ok: each failing job with its latest failure, e.g.
     *              "agentd-db-checkpoint: java.lang.OutOfMemoryError: Java heap space"
     * @param since absent when ok: when the earliest of those failures began (RFC 3339)
     */
    public record JobsStatus(boolean ok, String error, String since) {
    }
}
