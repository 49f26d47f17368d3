package io.agentd.daemon.health;

/**
 * The {@code health} result: hld's {@code {status, version}} plus what a user needs to trust the daemon.
 *
 * @param uptimeMs milliseconds since the daemon started
 * @param activeSessions sessions with a live Claude process
 */
public record HealthResult(String status, String version, long uptimeMs, int activeSessions, ClaudeStatus claude) {
    /**
     * The Claude Code CLI the daemon would launch.
     *
     * @param path absent when not found
     * @param version absent when unknown
     * @param error absent when usable
     */
    public record ClaudeStatus(boolean available, String path, String version, String error) {
    }
}
