package io.agentd.daemon.approval;

import io.agentd.daemon.session.SessionEvents;
import io.agentd.store.Tx;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;

import java.sql.SQLException;
import java.time.Clock;

import static java.util.Objects.requireNonNull;

/**
 * Switches off a bypass ({@code dangerously_skip_permissions}) whose time ran out, and publishes
 * {@code session_settings_changed} with reason {@code expired}. hld does this silently at approval time;
 * agentd also does it on a timer ({@link BypassExpiryMonitor}) so clients see it when it happens.
 */
public final class BypassExpiry {
    private final SessionRepository sessions;
    private final SessionEvents events;
    private final PermissionPolicy policy;

    public BypassExpiry(SessionRepository sessions, SessionEvents events, Clock clock) {
        this(sessions, events, new PermissionPolicy(clock));
    }

    /** Expires bypasses by {@code policy}'s rule. */
    public BypassExpiry(SessionRepository sessions, SessionEvents events, PermissionPolicy policy) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.events = requireNonNull(events, "events is null");
        this.policy = requireNonNull(policy, "policy is null");
    }

    /** The rule this expiry applies. */
    public PermissionPolicy policy() {
        return policy;
    }

    /** Returns the session as it is after switching an expired bypass off (unchanged when it had not expired). */
    public SessionRow switchOffIfExpired(Tx tx, SessionRow session) throws SQLException {
        PermissionSettings p = session.permissions();
        if (!policy.bypassExpired(p)) {
            return session;
        }
        sessions.setPermissions(tx.connection(), session.id(), p.withoutBypass());
        SessionRow updated = sessions.find(tx.connection(), session.id()).orElseThrow();
        events.settingsChanged(tx, updated, SessionEvents.SettingsChange.bypassExpired(p.bypassExpiresAt()));
        return updated;
    }

    /** Switches off every expired bypass of a session that may still run; returns how many. */
    public int switchOffAllExpired(Tx tx) throws SQLException {
        int n = 0;
        for (SessionRow s : sessions.withExpiredBypass(tx.connection(), SessionStatus.ACTIVE, policy.now())) {
            switchOffIfExpired(tx, s);
            n++;
        }
        return n;
    }
}
