package io.agentd.daemon.session.stream;

/** One entry of a result's {@code modelUsage} map (camelCase on the wire). Absent values are 0. */
public record ModelUsage(
        long inputTokens,
        long outputTokens,
        long cacheReadInputTokens,
        long cacheCreationInputTokens,
        double costUsd,
        long contextWindow,
        long maxOutputTokens) {
}
