package io.agentd.cli.protocol;

import java.util.Optional;

/**
 * Result of {@code health}. hld sends only {@code status} and {@code version}; agentd adds uptime,
 * the active session count, what it knows about the Claude CLI, whether its database takes writes and whether
 * the approvals server it injects can run.
 */
public record Health(String status, String version, Long uptimeMs, Integer activeSessions, Claude claude, Store store,
                     ApprovalsServer approvalsServer, Store jobs) {

    /**
     * Whether the daemon considers itself healthy: it answers ok, its database takes writes, its approvals server
     * can run (else it refuses every launch) and its long-lived jobs (checkpointer, writer, monitors, ...) work;
     * {@code jobs} has the same shape as {@code store}.
     */
    public boolean ok() {
        return "ok".equals(status) && (store == null || store.ok()) && (approvalsServer == null || approvalsServer.ok())
                && (jobs == null || jobs.ok());
    }

    public Optional<Claude> claudeInfo() {
        return Optional.ofNullable(claude);
    }

    /** Whether the daemon's database takes writes; {@code error} and {@code since} only when it does not. */
    public record Store(boolean ok, String error, String since) {
    }

    /** The MCP approvals server sessions get; {@code injected} false: none, on purpose. */
    public record ApprovalsServer(boolean injected, String command, boolean ok, String error) {
    }

    /** The Claude CLI as the daemon detected it. */
    public record Claude(boolean available, String path, String version, String error) {
    }
}
