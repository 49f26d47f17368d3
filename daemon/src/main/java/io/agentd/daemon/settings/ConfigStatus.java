package io.agentd.daemon.settings;

/**
 * What the desktop UI's settings screen shows ({@code GET /config/status}).
 *
 * @param claudePath the CLI the daemon would launch, or the configured path when none works
 */
public record ConfigStatus(String claudePath, boolean claudeAvailable, ProviderKey openrouter, ProviderKey baseten) {
    /** Whether a model provider's API key is set in the daemon's environment (the key itself never leaves it). */
    public record ProviderKey(boolean apiKeyConfigured) {
    }
}
