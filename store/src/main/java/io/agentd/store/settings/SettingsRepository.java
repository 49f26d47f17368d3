package io.agentd.store.settings;

import io.agentd.store.jdbc.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** SQL for {@code daemon_config} (named daemon settings) and {@code user_settings} (a single row). */
public final class SettingsRepository {
    /** A daemon setting's stored value, if one was set. */
    public Optional<String> config(Connection c, String name) throws SQLException {
        return Sql.one(c, "SELECT value FROM daemon_config WHERE name = ?", rs -> rs.getString(1), name);
    }

    public void putConfig(Connection c, String name, String value, Instant now) throws SQLException {
        Sql.update(c, "INSERT INTO daemon_config (name, value, updated_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                name, value, now.toEpochMilli());
    }

    public void removeConfig(Connection c, String name) throws SQLException {
        Sql.update(c, "DELETE FROM daemon_config WHERE name = ?", name);
    }

    /** The user settings, absent until first saved. */
    public Optional<UserSettingsRow> userSettings(Connection c) throws SQLException {
        return Sql.one(c, "SELECT advanced_providers, opt_in_telemetry, created_at, updated_at FROM user_settings WHERE id = 1",
                rs -> {
                    boolean advanced = rs.getInt(1) != 0;
                    int telemetry = rs.getInt(2);
                    Boolean optIn = rs.wasNull() ? null : telemetry != 0;
                    return new UserSettingsRow(advanced, optIn, Instant.ofEpochMilli(rs.getLong(3)),
                            Instant.ofEpochMilli(rs.getLong(4)));
                });
    }

    /** Stores the whole row; {@code created_at} of an existing row is kept. */
    public void saveUserSettings(Connection c, UserSettingsRow row) throws SQLException {
        Sql.update(c, "INSERT INTO user_settings (id, advanced_providers, opt_in_telemetry, created_at, updated_at)"
                        + " VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                        + " advanced_providers = excluded.advanced_providers, opt_in_telemetry = excluded.opt_in_telemetry,"
                        + " updated_at = excluded.updated_at",
                row.advancedProviders() ? 1 : 0, row.optInTelemetry() == null ? null : (row.optInTelemetry() ? 1 : 0),
                row.createdAt().toEpochMilli(), row.updatedAt().toEpochMilli());
    }
}
