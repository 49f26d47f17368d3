package io.agentd.daemon.session.process;

import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Everything that goes on a Claude command line. Null or empty fields are left off.
 *
 * @param resumeClaudeSessionId for continued sessions: the parent's Claude session, resumed as a fork
 * @param mcpConfig the MCP config file, when there are servers
 */
public record ClaudeInvocation(
        Path binary,
        String query,
        String resumeClaudeSessionId,
        String model,
        Path mcpConfig,
        String permissionPromptTool,
        Integer maxTurns,
        String systemPrompt,
        String appendSystemPrompt,
        List<String> allowedTools,
        List<String> disallowedTools,
        List<String> additionalDirectories) {

    public ClaudeInvocation {
        requireNonNull(binary, "binary is null");
        requireNonNull(query, "query is null");
        allowedTools = allowedTools == null ? List.of() : List.copyOf(allowedTools);
        disallowedTools = disallowedTools == null ? List.of() : List.copyOf(disallowedTools);
        additionalDirectories = additionalDirectories == null ? List.of() : List.copyOf(additionalDirectories);
    }
}
