package io.agentd.daemon.settings;

/**
 * A change of daemon settings ({@code PATCH /config}).
 *
 * @param claudePath the new Claude CLI path; empty: look for it again; null: unchanged
 */
public record ConfigUpdate(String claudePath) {
}
