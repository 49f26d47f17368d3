package io.agentd.store.testing;

import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionRow;

import java.time.Instant;
import java.util.UUID;

/** Session rows for tests. */
public final class Sessions {
    private Sessions() {
    }

    public static SessionRow newSession(String query) {
        return newSession(query, null, Instant.now());
    }

    public static SessionRow newSession(String query, String parentId, Instant now) {
        return SessionRow.newSession(UUID.randomUUID().toString(), UUID.randomUUID().toString(), parentId, query, query,
                "", "sonnet", "/tmp", LaunchConfig.empty(), PermissionSettings.none(), now);
    }
}
