package io.agentd.daemon.session.stream;

import static java.util.Objects.requireNonNull;

import tools.jackson.databind.JsonNode;

/** One block of a message's {@code content} array. Absent strings are {@code ""}. */
public sealed interface ContentBlock {

    /** Plain text. */
    record Text(String text) implements ContentBlock {
        public Text {
            requireNonNull(text, "text is null");
        }
    }

    /** Extended thinking; the signature is not kept (it is only meaningful to the API). */
    record Thinking(String thinking) implements ContentBlock {
        public Thinking {
            requireNonNull(thinking, "thinking is null");
        }
    }

    /** A tool call; {@code input} is the JSON object the model produced ({@code MissingNode} if absent). */
    record ToolUse(String id, String name, JsonNode input) implements ContentBlock {
        public ToolUse {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
            requireNonNull(input, "input is null");
        }
    }

    /**
     * A tool's answer. {@code content} is the string content, or the text items of an array
     * content joined with {@code \n} (other items such as images are left out, as hld does).
     */
    record ToolResult(String toolUseId, String content, boolean isError) implements ContentBlock {
        public ToolResult {
            requireNonNull(toolUseId, "toolUseId is null");
            requireNonNull(content, "content is null");
        }
    }

    /** A block of a type not modelled here (image, server tool blocks, ...), kept raw. */
    record UnknownBlock(String type, JsonNode raw) implements ContentBlock {
        public UnknownBlock {
            requireNonNull(type, "type is null");
            requireNonNull(raw, "raw is null");
        }
    }
}
