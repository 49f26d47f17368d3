package io.agentd.daemon.settings;

/**
 * The Claude CLI setting as hld's {@code GET /config} shows it.
 *
 * @param claudePath the configured path; empty when the CLI is looked for on PATH and in the usual places
 * @param claudeDetectedPath where a lookup finds the CLI, null when nowhere
 * @param claudeAvailable whether the CLI the daemon would launch works
 */
public record ClaudeConfig(String claudePath, String claudeDetectedPath, boolean claudeAvailable) {
}
