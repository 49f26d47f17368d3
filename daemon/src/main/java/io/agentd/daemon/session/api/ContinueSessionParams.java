package io.agentd.daemon.session.api;

import io.agentd.daemon.error.AgentdException;

import java.util.List;

/** {@code continueSession} params. As in hld, {@code mcp_config} is a JSON <em>string</em> here. */
public record ContinueSessionParams(
        String sessionId,
        String query,
        String systemPrompt,
        String appendSystemPrompt,
        String mcpConfig,
        String permissionPromptTool,
        List<String> allowedTools,
        List<String> disallowedTools,
        List<String> additionalDirectories,
        String customInstructions,
        Integer maxTurns) {

    public ContinueSessionParams {
        if (sessionId == null || sessionId.isBlank()) {
            throw AgentdException.invalidParams("session_id is required");
        }
        if (query == null || query.isBlank()) {
            throw AgentdException.invalidParams("query is required");
        }
    }
}
