package io.agentd.store.settings;

import io.agentd.store.Database;
import io.agentd.store.stats.DatabaseStatsRepository;
import io.agentd.store.testing.TempDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(TempDatabaseExtension.class)
class SettingsRepositoryTest {
    private final SettingsRepository settings = new SettingsRepository();

    @Test
    void configValuesAreSetReplacedAndRemoved(Database db) {
        Instant now = Instant.ofEpochMilli(1_000);
        assertThat(claudePath(db)).isEmpty();
        db.write(tx -> {
            settings.putConfig(tx.connection(), "claude_path", "/a/claude", now);
            settings.putConfig(tx.connection(), "claude_path", "/b/claude", now.plusSeconds(1));
            return null;
        });
        assertThat(claudePath(db)).contains("/b/claude");
        db.write(tx -> {
            settings.removeConfig(tx.connection(), "claude_path");
            return null;
        });
        assertThat(claudePath(db)).isEmpty();
    }

    private java.util.Optional<String> claudePath(Database db) {
        return db.read(c -> settings.config(c, "claude_path"));
    }

    @Test
    void userSettingsKeepTheirCreationTimeAndAnUnsetTelemetryChoice(Database db) {
        Instant created = Instant.ofEpochMilli(5_000);
        assertThat(db.read(settings::userSettings)).isEmpty();
        db.write(tx -> {
            settings.saveUserSettings(tx.connection(), new UserSettingsRow(true, null, created, created));
            return null;
        });
        assertThat(db.read(settings::userSettings)).contains(new UserSettingsRow(true, null, created, created));
        Instant later = created.plusSeconds(60);
        db.write(tx -> {
            settings.saveUserSettings(tx.connection(), new UserSettingsRow(false, true, later, later));
            return null;
        });
        assertThat(db.read(settings::userSettings)).contains(new UserSettingsRow(false, true, created, later));
    }

    @Test
    void statsCountTablesAndRows(Database db) {
        var stats = db.read(c -> new DatabaseStatsRepository().stats(c));
        assertThat(stats.tableCount()).isGreaterThanOrEqualTo(10);
        assertThat(stats.sessions()).isZero();
        assertThat(stats.approvals()).isZero();
        assertThat(stats.events()).isZero();
    }
}
