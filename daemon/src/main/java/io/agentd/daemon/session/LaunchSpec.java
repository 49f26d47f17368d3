package io.agentd.daemon.session;

import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.PermissionSettings;

import java.nio.file.Path;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A validated request to start a Claude process for a new session.
 *
 * @param workingDir an existing directory, absolute
 * @param parentSessionId and {@code resumeClaudeSessionId}: set for continued sessions
 */
public record LaunchSpec(
        String query,
        String title,
        String model,
        Path workingDir,
        LaunchConfig config,
        Map<String, McpServerSpec> mcpServers,
        PermissionSettings permissions,
        String parentSessionId,
        String resumeClaudeSessionId) {

    public LaunchSpec {
        requireNonNull(query, "query is null");
        requireNonNull(workingDir, "workingDir is null");
        requireNonNull(config, "config is null");
        mcpServers = mcpServers == null ? Map.of() : Map.copyOf(mcpServers);
        permissions = permissions == null ? PermissionSettings.none() : permissions;
    }

    /** A session of its own, continuing none. */
    public static LaunchSpec fresh(String query, String title, String model, Path workingDir, LaunchConfig config,
                                   Map<String, McpServerSpec> mcpServers, PermissionSettings permissions) {
        return new LaunchSpec(query, title, model, workingDir, config, mcpServers, permissions, null, null);
    }
}
