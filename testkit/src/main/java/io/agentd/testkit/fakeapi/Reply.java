package io.agentd.testkit.fakeapi;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * What the fake API answers to one {@code POST /v1/messages}: a streamed assistant message, a stream
 * that stops part way and waits, or an HTTP error.
 */
public sealed interface Reply {
    /**
     * A complete streamed assistant message.
     *
     * @param chunkDelay pause before every content delta; {@link Duration#ZERO} streams at once
     */
    record Message(List<ContentBlock> blocks, Usage usage, Duration chunkDelay) implements Reply {
        public Message {
            blocks = List.copyOf(requireNonNull(blocks, "blocks is null"));
            requireNonNull(usage, "usage is null");
            requireNonNull(chunkDelay, "chunkDelay is null");
            if (blocks.isEmpty()) {
                throw new IllegalArgumentException("a message needs at least one content block");
            }
            if (chunkDelay.isNegative()) {
                throw new IllegalArgumentException("chunkDelay is negative");
            }
        }

        /** {@code tool_use} when the message calls a tool, else {@code end_turn}. */
        public String stopReason() {
            return blocks.stream().anyMatch(ContentBlock.ToolUse.class::isInstance) ? "tool_use" : "end_turn";
        }

        public Message withUsage(Usage newUsage) {
            return new Message(blocks, newUsage, chunkDelay);
        }

        public Message withChunkDelay(Duration delay) {
            return new Message(blocks, usage, delay);
        }

        public Message andText(String text) {
            return and(new ContentBlock.Text(List.of(text)));
        }

        public Message andToolUse(String name, String inputJson) {
            return and(new ContentBlock.ToolUse(name, inputJson));
        }

        public Message andToolUse(String name, Map<String, ?> input) {
            return and(new ContentBlock.ToolUse(name, Json.write(input)));
        }

        public Message and(ContentBlock block) {
            List<ContentBlock> all = new ArrayList<>(blocks);
            all.add(requireNonNull(block, "block is null"));
            return new Message(all, usage, chunkDelay);
        }
    }

    /**
     * Streams the start of {@code message} up to its first content delta, then waits until
     * {@code release} is counted down (the rest of the message follows) or the server closes
     * (the connection is dropped). For interrupt and kill tests.
     */
    record Hang(Message message, CountDownLatch release) implements Reply {
        public Hang {
            requireNonNull(message, "message is null");
            requireNonNull(release, "release is null");
        }
    }

    /** An HTTP error with the Anthropic error body {@code {"type":"error","error":{"type","message"}}}. */
    record Failure(int status, String errorType, String message) implements Reply {
        public Failure {
            requireNonNull(errorType, "errorType is null");
            requireNonNull(message, "message is null");
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("not an error status: " + status);
            }
        }
    }

    /** A text answer sent as one delta. */
    static Message text(String text) {
        return textChunks(text);
    }

    /** A text answer sent as one {@code text_delta} per chunk. */
    static Message textChunks(String... chunks) {
        return of(new ContentBlock.Text(List.of(chunks)));
    }

    /** A thinking block (with a signature) followed by a text block. */
    static Message thinking(String thinking, String text) {
        return of(new ContentBlock.Thinking(List.of(thinking), "sig_fake_" + Integer.toHexString(thinking.hashCode())))
                .andText(text);
    }

    /** A single tool call; {@code inputJson} is a JSON object text. */
    static Message toolUse(String name, String inputJson) {
        return of(new ContentBlock.ToolUse(name, inputJson));
    }

    /** A single tool call with the input serialized from a map. */
    static Message toolUse(String name, Map<String, ?> input) {
        return toolUse(name, Json.write(input));
    }

    /** Text sent as one delta per chunk with {@code delay} before each, for tests that interrupt mid-stream. */
    static Message slow(Duration delay, String... chunks) {
        return textChunks(chunks).withChunkDelay(delay);
    }

    /** A stream that starts, sends a little text and then waits until the server is closed. */
    static Hang hang() {
        return hang(new CountDownLatch(1));
    }

    /** A stream that starts, sends a little text and waits until {@code release} is counted down. */
    static Hang hang(CountDownLatch release) {
        return new Hang(textChunks("Working on it", "... done."), release);
    }

    static Failure error(int status, String errorType, String message) {
        return new Failure(status, errorType, message);
    }

    /** HTTP 500 {@code api_error}, which the CLI retries. */
    static Failure serverError() {
        return error(500, "api_error", "Internal server error");
    }

    /** HTTP 529 {@code overloaded_error}, which the CLI retries. */
    static Failure overloaded() {
        return error(529, "overloaded_error", "Overloaded");
    }

    /** HTTP 400 {@code invalid_request_error}. */
    static Failure badRequest(String message) {
        return error(400, "invalid_request_error", message);
    }

    /** A message of the given blocks with default usage and no delay. */
    static Message of(ContentBlock... blocks) {
        return new Message(List.of(blocks), Usage.DEFAULT, Duration.ZERO);
    }
}
