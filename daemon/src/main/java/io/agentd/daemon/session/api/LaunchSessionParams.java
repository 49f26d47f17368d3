package io.agentd.daemon.session.api;

import io.agentd.daemon.error.AgentdException;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * {@code launchSession} params, as hlyr and hld clients send them. {@code dangerously_skip_permissions_timeout}
 * is in milliseconds; {@code auto_accept_edits} is agentd's addition (hld only offers it over REST).
 */
public record LaunchSessionParams(
        String query,
        String title,
        String model,
        JsonNode mcpConfig,
        String permissionPromptTool,
        String workingDir,
        Integer maxTurns,
        String systemPrompt,
        String appendSystemPrompt,
        List<String> allowedTools,
        List<String> disallowedTools,
        List<String> additionalDirectories,
        String customInstructions,
        Boolean verbose,
        Boolean dangerouslySkipPermissions,
        Long dangerouslySkipPermissionsTimeout,
        Boolean autoAcceptEdits) {

    public LaunchSessionParams {
        if (query == null || query.isBlank()) {
            throw AgentdException.invalidParams("query is required");
        }
        if (maxTurns != null && maxTurns < 0) {
            throw AgentdException.invalidParams("max_turns must not be negative");
        }
    }
}
