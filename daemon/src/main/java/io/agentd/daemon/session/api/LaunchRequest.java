package io.agentd.daemon.session.api;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.session.McpServerSpec;
import java.util.List;
import java.util.Map;

/**
 * What a client asks for when it starts a session, before the daemon's rules are applied: paths as the
 * client wrote them ({@code ~} and relative paths allowed), any model name, a bypass timeout of any sign.
 * {@link SessionService#launch} validates and resolves it.
 *
 * @param workingDir absent or blank means the daemon's working directory
 * @param mcpServers the client's MCP servers, by name; empty for none
 * @param bypassTimeoutMs how long bypass lasts, in milliseconds; absent or non-positive means until switched off
 */
public record LaunchRequest(
        String query,
        String title,
        String model,
        String workingDir,
        Integer maxTurns,
        String systemPrompt,
        String appendSystemPrompt,
        String customInstructions,
        String permissionPromptTool,
        List<String> allowedTools,
        List<String> disallowedTools,
        List<String> additionalDirectories,
        Map<String, McpServerSpec> mcpServers,
        boolean autoAcceptEdits,
        boolean bypass,
        Long bypassTimeoutMs) {

    public LaunchRequest {
        requireNonNull(query, "query is null");
        mcpServers = mcpServers == null ? Map.of() : mcpServers;
    }
}
