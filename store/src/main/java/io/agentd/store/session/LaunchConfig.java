package io.agentd.store.session;

import java.util.List;

/**
 * What a session was launched with, beyond the query. Null fields were not given.
 *
 * @param maxTurns {@code --max-turns}; not inherited by continued sessions
 */
public record LaunchConfig(
        Integer maxTurns,
        String systemPrompt,
        String appendSystemPrompt,
        String customInstructions,
        String permissionPromptTool,
        List<String> allowedTools,
        List<String> disallowedTools,
        List<String> additionalDirectories) {
    public LaunchConfig {
        allowedTools = allowedTools == null ? List.of() : List.copyOf(allowedTools);
        disallowedTools = disallowedTools == null ? List.of() : List.copyOf(disallowedTools);
        additionalDirectories = additionalDirectories == null ? List.of() : List.copyOf(additionalDirectories);
    }

    public static LaunchConfig empty() {
        return new LaunchConfig(null, null, null, null, null, List.of(), List.of(), List.of());
    }
}
