package io.agentd.cli.protocol;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Params of {@code launchSession}; null fields and empty lists are left out of the request. */
public record LaunchParams(
        String query,
        String title,
        String model,
        String workingDir,
        Integer maxTurns,
        String systemPrompt,
        String appendSystemPrompt,
        List<String> allowedTools,
        List<String> disallowedTools,
        List<String> additionalDirectories) {

    public LaunchParams {
        requireNonNull(query, "query is null");
        allowedTools = emptyToNull(allowedTools);
        disallowedTools = emptyToNull(disallowedTools);
        additionalDirectories = emptyToNull(additionalDirectories);
    }

    static List<String> emptyToNull(List<String> values) {
        return values == null || values.isEmpty() ? null : List.copyOf(values);
    }
}
