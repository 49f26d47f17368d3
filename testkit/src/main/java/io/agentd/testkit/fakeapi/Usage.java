package io.agentd.testkit.fakeapi;

/**
 * Token counts the fake API reports for one reply: {@code input_tokens} and the cache counts go into
 * {@code message_start}, {@code output_tokens} into the final {@code message_delta}.
 */
public record Usage(long inputTokens, long outputTokens, long cacheCreationInputTokens, long cacheReadInputTokens) {
    /** What a reply reports unless a test asks for other numbers. */
    public static final Usage DEFAULT = new Usage(100, 20, 0, 0);

    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || cacheCreationInputTokens < 0 || cacheReadInputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    /** Usage without cache tokens. */
    public static Usage of(long inputTokens, long outputTokens) {
        return new Usage(inputTokens, outputTokens, 0, 0);
    }
}
