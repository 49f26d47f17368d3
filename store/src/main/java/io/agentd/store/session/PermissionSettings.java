package io.agentd.store.session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Automatic approval settings of a session.
 *
 * @param bypassExpiresAt when {@code dangerouslySkipPermissions} turns itself off; null for never
 * @param bypassTimeoutMs the timeout the bypass was enabled with, if any
 */
public record PermissionSettings(
        boolean autoAcceptEdits,
        boolean dangerouslySkipPermissions,
        Instant bypassExpiresAt,
        Long bypassTimeoutMs) {

    public PermissionSettings {
        bypassExpiresAt = bypassExpiresAt == null ? null : bypassExpiresAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public static PermissionSettings none() {
        return new PermissionSettings(false, false, null, null);
    }

    /** These settings with the bypass switched off (auto-accept of edits kept). */
    public PermissionSettings withoutBypass() {
        return new PermissionSettings(autoAcceptEdits, false, null, null);
    }
}
