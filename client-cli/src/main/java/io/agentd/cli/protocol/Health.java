package io.agentd.cli.protocol;

import java.util.Optional;

/**
 * Result of {@code health}. hld sends only {@code status} and {@code version}; agentd adds uptime,
 * the active session count and what it knows about the Claude CLI.
 */
public record Health(String status, String version, Long uptimeMs, Integer activeSessions, Claude claude) {

    /** Whether the daemon considers itself healthy. */
    public boolean ok() {
        return "ok".equals(status);
    }

    public Optional<Claude> claudeInfo() {
        return Optional.ofNullable(claude);
    }

    /** The Claude CLI as the daemon detected it. */
    public record Claude(boolean available, String path, String version, String error) {
    }
}
