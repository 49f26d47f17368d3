package io.agentd.store.settings;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * The stored user settings (one row).
 *
 * @param optInTelemetry null when the user never chose
 */
public record UserSettingsRow(boolean advancedProviders, Boolean optInTelemetry, Instant createdAt, Instant updatedAt) {
    public UserSettingsRow {
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }
}
