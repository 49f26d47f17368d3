package io.agentd.testkit.fakeapi;

import tools.jackson.databind.JsonNode;

/** Flattens the text of one Messages API message: string content, text blocks and tool results. */
final class MessageText {
    private MessageText() {
    }

    static String of(JsonNode message) {
        StringBuilder out = new StringBuilder();
        append(message.path("content"), out);
        return out.toString();
    }

    private static void append(JsonNode content, StringBuilder out) {
        if (content.isString()) {
            separate(out).append(content.asString());
            return;
        }
        for (JsonNode block : content) {
            switch (block.path("type").asString("")) {
                case "text" -> separate(out).append(block.path("text").asString(""));
                case "thinking" -> separate(out).append(block.path("thinking").asString(""));
                case "tool_result" -> append(block.path("content"), out);
                default -> {
                    // images, tool_use and others carry no prose a test would look for
                }
            }
        }
    }

    private static StringBuilder separate(StringBuilder out) {
        return out.isEmpty() ? out : out.append('\n');
    }
}
