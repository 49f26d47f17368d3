package io.agentd.testkit.fakeapi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One content block of a scripted assistant message, streamed as start, deltas and stop. */
public sealed interface ContentBlock {
    /** Plain text, streamed as one {@code text_delta} per chunk. */
    record Text(List<String> chunks) implements ContentBlock {
        public Text {
            chunks = List.copyOf(requireNonNull(chunks, "chunks is null"));
            if (chunks.isEmpty()) {
                throw new IllegalArgumentException("a text block needs at least one chunk");
            }
        }

        /** The whole text, as the client assembles it. */
        public String text() {
            return String.join("", chunks);
        }
    }

    /** Extended thinking, streamed as {@code thinking_delta}s followed by one {@code signature_delta}. */
    record Thinking(List<String> chunks, String signature) implements ContentBlock {
        public Thinking {
            chunks = List.copyOf(requireNonNull(chunks, "chunks is null"));
            requireNonNull(signature, "signature is null");
            if (chunks.isEmpty()) {
                throw new IllegalArgumentException("a thinking block needs at least one chunk");
            }
        }
    }

    /**
     * A tool call. Its id is generated per response ({@code toolu_...}), so one script can serve many
     * sessions without two of them sharing a tool_use_id.
     *
     * @param inputJson the tool input, a JSON object text, streamed in pieces as {@code input_json_delta}s
     */
    record ToolUse(String name, String inputJson) implements ContentBlock {
        public ToolUse {
            requireNonNull(name, "name is null");
            requireNonNull(inputJson, "inputJson is null");
            if (!Json.parse(inputJson).isObject()) {
                throw new IllegalArgumentException("tool input must be a JSON object: " + inputJson);
            }
        }
    }
}
