package io.agentd.daemon.session.stream;

/**
 * Token counts of one API call ({@code message.usage}) or, in a result, of the whole run.
 * Absent counts are 0.
 */
public record Usage(
        long inputTokens,
        long outputTokens,
        long cacheCreationInputTokens,
        long cacheReadInputTokens) {
}
