package io.agentd.daemon.session.api;

import static java.util.Objects.requireNonNull;

/**
 * A change of a session's permission settings; absent ({@code null}) fields are left unchanged.
 *
 * @param bypassTimeoutMs with {@code bypass} on: how long it lasts, in milliseconds; absent or non-positive
 *                        means until switched off
 */
public record SettingsUpdate(String sessionId, Boolean autoAcceptEdits, Boolean bypass, Long bypassTimeoutMs) {
    public SettingsUpdate {
        requireNonNull(sessionId, "sessionId is null");
    }
}
