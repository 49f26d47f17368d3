package io.agentd.daemon.settings;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * The desktop UI's preferences ({@code GET /user-settings}).
 *
 * @param optInTelemetry null until the user chooses
 */
public record UserSettings(boolean advancedProviders, Boolean optInTelemetry, Instant createdAt, Instant updatedAt) {
    public UserSettings {
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }
}
