package io.agentd.cli.format;

import static java.util.Objects.requireNonNull;

import io.agentd.cli.protocol.Health;
import java.nio.file.Path;
import java.time.Duration;

/** Renders the {@code health} answer, including why the Claude CLI is unavailable or the database refuses writes. */
public final class HealthView {
    private HealthView() {
    }

    public static String render(Health health, Path socket) {
        requireNonNull(health, "health is null");
        FieldList fields = new FieldList()
                .add("status", health.status() == null ? "unknown" : health.status())
                .add("version", health.version())
                .add("socket", socket.toString())
                .add("uptime", health.uptimeMs() == null ? null : Units.duration(Duration.ofMillis(health.uptimeMs())))
                .add("sessions", health.activeSessions() == null ? null : health.activeSessions() + " active");
        health.claudeInfo().ifPresent(claude -> fields.add("claude", claude(claude)));
        if (health.store() != null) {
            fields.add("database", health.store().ok() ? "ok"
                    : "NOT OK since " + health.store().since() + ": " + health.store().error());
        }
        Health.ApprovalsServer approvals = health.approvalsServer();
        if (approvals != null) {
            fields.add("approvals", !approvals.injected() ? "none injected (--approvals-command is empty)"
                    : approvals.ok() ? approvals.command()
                    : "CANNOT RUN, sessions are refused: " + approvals.error() + " (command: " + approvals.command() + ")");
        }
        if (health.jobs() != null && !health.jobs().ok()) {
            fields.add("background", "NOT OK since " + health.jobs().since() + ": " + health.jobs().error());
        }
        return fields.render();
    }

    private static String claude(Health.Claude claude) {
        if (claude.available()) {
            String version = claude.version() == null || claude.version().isBlank() ? "" : " (" + claude.version() + ")";
            return (claude.path() == null ? "available" : claude.path()) + version;
        }
        String why = claude.error() == null || claude.error().isBlank() ? "not found" : claude.error();
        return "unavailable: " + why;
    }

}
