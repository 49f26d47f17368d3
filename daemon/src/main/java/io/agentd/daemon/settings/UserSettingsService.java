package io.agentd.daemon.settings;

import io.agentd.store.Database;
import io.agentd.store.settings.SettingsRepository;
import io.agentd.store.settings.UserSettingsRow;

import java.time.Clock;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * Reads and changes the user settings. Before the first change they are the defaults (advanced providers
 * off, no telemetry choice) dated from the daemon's start; the first change stores them.
 */
public final class UserSettingsService {
    private final Database database;
    private final SettingsRepository settings;
    private final Clock clock;
    private final Instant defaultsSince;

    public UserSettingsService(Database database, SettingsRepository settings, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.defaultsSince = clock.instant();
    }

    public UserSettings get() {
        return database.read(c -> settings.userSettings(c)).map(UserSettingsService::view)
                .orElseGet(() -> new UserSettings(false, null, defaultsSince, defaultsSince));
    }

    /** Applies the fields that are set, in one write: two concurrent changes of different fields both stay. */
    public UserSettings update(UserSettingsUpdate update) {
        requireNonNull(update, "update is null");
        return database.write(tx -> {
            Instant now = clock.instant();
            UserSettingsRow current = settings.userSettings(tx.connection())
                    .orElseGet(() -> new UserSettingsRow(false, null, now, now));
            UserSettingsRow next = new UserSettingsRow(
                    update.advancedProviders() != null ? update.advancedProviders() : current.advancedProviders(),
                    update.optInTelemetry() != null ? update.optInTelemetry() : current.optInTelemetry(),
                    current.createdAt(), now);
            settings.saveUserSettings(tx.connection(), next);
            return view(next);
        });
    }

    private static UserSettings view(UserSettingsRow row) {
        return new UserSettings(row.advancedProviders(), row.optInTelemetry(), row.createdAt(), row.updatedAt());
    }
}
