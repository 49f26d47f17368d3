package io.agentd.cli.protocol;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Params of {@code continueSession}; null fields and empty lists are left out of the request. */
public record ContinueParams(
        String sessionId,
        String query,
        Integer maxTurns,
        String systemPrompt,
        String appendSystemPrompt,
        List<String> allowedTools,
        List<String> disallowedTools) {

    public ContinueParams {
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(query, "query is null");
        allowedTools = LaunchParams.emptyToNull(allowedTools);
        disallowedTools = LaunchParams.emptyToNull(disallowedTools);
    }
}
