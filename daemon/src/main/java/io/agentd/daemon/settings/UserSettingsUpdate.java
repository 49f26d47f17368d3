package io.agentd.daemon.settings;

/**
 * A change of user settings; null fields stay as they are.
 */
public record UserSettingsUpdate(Boolean advancedProviders, Boolean optInTelemetry) {
}
