package io.agentd.testkit.fakeapi;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads which script and which turn a Messages API request body asks for. */
final class ScriptTag {
    private static final Pattern TAG = Pattern.compile("\\[\\[script:([A-Za-z0-9_.-]+)]]");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private ScriptTag() {
    }

    static void requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("script names use letters, digits, '_', '.', '-': " + name);
        }
    }

    /**
     * The script named by the first tag in the first user message. Only the first user message
     * counts: it is the original prompt, which a resumed session sends again, while later user
     * messages may quote tags back (tool results, follow-up prompts).
     */
    static Optional<String> scriptName(JsonNode body) {
        for (JsonNode message : body.path("messages")) {
            if ("user".equals(message.path("role").asString(""))) {
                Matcher matcher = TAG.matcher(MessageText.of(message));
                return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The number of assistant messages already in the request: the index of the turn to answer. */
    static int turnIndex(JsonNode body) {
        int count = 0;
        for (JsonNode message : body.path("messages")) {
            if ("assistant".equals(message.path("role").asString(""))) {
                count++;
            }
        }
        return count;
    }
}
