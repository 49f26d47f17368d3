package io.agentd.daemon.http.routes;

import io.agentd.daemon.health.HealthResult;

/**
 * hld's REST {@code /health} body: {@code degraded} when Claude cannot be launched (the desktop UI then
 * opens its settings), never enveloped.
 */
record HealthView(String status, String version, Dependencies dependencies) {
    record Dependencies(Claude claude) {
    }

    /**
     * @param versionError set when the binary was found but {@code --version} failed
     */
    record Claude(boolean available, String error, String path, String version, String versionError) {
    }

    static HealthView of(HealthResult health) {
        HealthResult.ClaudeStatus c = health.claude();
        boolean versionFailed = !c.available() && c.path() != null && c.version() == null;
        Claude claude = new Claude(c.available(), versionFailed ? null : c.error(), c.path(), c.version(),
                versionFailed ? c.error() : null);
        return new HealthView(c.available() ? "ok" : "degraded", health.version(), new Dependencies(claude));
    }
}
