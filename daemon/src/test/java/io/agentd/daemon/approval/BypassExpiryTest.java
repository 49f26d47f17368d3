package io.agentd.daemon.approval;

import io.agentd.store.Database;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.testing.TempDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.agentd.daemon.approval.ApprovalFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(TempDatabaseExtension.class)
class BypassExpiryTest {
    @Test
    void switchesOffOnlyExpiredBypassesOfActiveSessions(Database database) {
        ApprovalFixtures f = new ApprovalFixtures(database);
        f.session("expired", new PermissionSettings(true, true, NOW.minusMillis(1), 1_000L));
        f.session("due-now", new PermissionSettings(false, true, NOW, 1_000L));
        f.session("later", new PermissionSettings(false, true, NOW.plusSeconds(1), 1_000L));
        f.session("forever", new PermissionSettings(false, true, null, null));
        f.session("ended", new PermissionSettings(false, true, NOW.minusSeconds(1), 1_000L));
        f.end("ended");
        f.changes().clear();
        BypassExpiry expiry = new BypassExpiry(new SessionRepository(), f.sessionEvents, f.clock);

        int switched = database.write(expiry::switchOffAllExpired);

        assertThat(switched).isEqualTo(2);
        assertThat(f.find("expired").permissions()).isEqualTo(new PermissionSettings(true, false, null, null));
        assertThat(f.find("due-now").permissions().dangerouslySkipPermissions()).isFalse();
        assertThat(f.find("later").permissions().dangerouslySkipPermissions()).isTrue();
        assertThat(f.find("forever").permissions().dangerouslySkipPermissions()).isTrue();
        assertThat(f.find("ended").permissions().dangerouslySkipPermissions()).isTrue();
        assertThat(f.changes()).containsExactly("settings expired", "settings due-now");
        assertThat(database.write(expiry::switchOffAllExpired)).isZero();
    }
}
