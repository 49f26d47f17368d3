package io.agentd.cli.protocol;

import java.util.Optional;

/**
 * Result of {@code health}. hld sends only {@code status} and {@code version}; agentd adds uptime,
 * the active session count, what it knows about the Claude CLI and whether its database takes writes.
 */
public record Health(String status, String version, Long uptimeMs, Integer activeSessions, Claude claude, Store store) {

    /** Whether the daemon considers itself healthy: it answers ok and its database takes writes. */
    public boolean ok() {
        return "ok".equals(status) && (store == null || store.ok());
    }

    public Optional<Claude> claudeInfo() {
        return Optional.ofNullable(claude);
    }

    /** Whether the daemon's database takes writes; {@code error} and {@code since} only when it does not. */
    public record Store(boolean ok, String error, String since) {
    }

    /** The Claude CLI as the daemon detected it. */
    public record Claude(boolean available, String path, String version, String error) {
    }
}
