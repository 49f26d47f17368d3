package io.agentd.store.session;

/**
 * Token usage of the latest root (non sub-agent) assistant message, and the model's context window.
 * Null fields have not been reported yet.
 */
public record TokenCounts(
        Long inputTokens,
        Long outputTokens,
        Long cacheCreationInputTokens,
        Long cacheReadInputTokens,
        Long effectiveContextTokens,
        Long contextWindow) {

    public static TokenCounts none() {
        return new TokenCounts(null, null, null, null, null, null);
    }
}
