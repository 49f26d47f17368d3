package io.agentd.daemon.session.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConversationEntriesTest {
    private final StreamJsonParser parser = new StreamJsonParser();

    @Test
    void toolInputIsCompactWithKeysSortedAtEveryLevel() {
        StreamEvent event = parser.parse("{\"type\":\"assistant\",\"parent_tool_use_id\":\"toolu_parent\",\"message\":{"
                + "\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"Edit\",\"input\":"
                + "{\"z\":1, \"a\":{\"y\":[{\"d\":1,\"c\":2}],\"b\":null}}}]}}");

        assertThat(ConversationEntries.from(event)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EntryType.TOOL_CALL);
            assertThat(e.toolInputJson()).isEqualTo("{\"a\":{\"b\":null,\"y\":[{\"c\":2,\"d\":1}]},\"z\":1}");
            assertThat(e.parentToolUseId()).isEqualTo("toolu_parent");
        });
    }

    @Test
    void missingToolInputIsNullLikeGo() {
        StreamEvent event = parser.parse("{\"type\":\"assistant\",\"message\":{\"role\":\"assistant\",\"content\":"
                + "[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"X\"}]}}");

        assertThat(ConversationEntries.from(event).getFirst().toolInputJson()).isEqualTo("null");
    }

    @Test
    void initResultAndChattySystemEventsYieldNoRows() {
        assertThat(ConversationEntries.from(parser.parse("{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"s\"}"))).isEmpty();
        assertThat(ConversationEntries.from(parser.parse("{\"type\":\"system\",\"subtype\":\"thinking_tokens\"}"))).isEmpty();
        assertThat(ConversationEntries.from(parser.parse("{\"type\":\"system\",\"subtype\":\"status\"}"))).isEmpty();
        assertThat(ConversationEntries.from(parser.parse("{\"type\":\"result\",\"subtype\":\"success\"}"))).isEmpty();
        assertThat(ConversationEntries.from(parser.parse("oops"))).isEmpty();
    }

    @Test
    void userQueryIsTheFirstUserMessage() {
        assertThat(ConversationEntry.userQuery("fix the tests")).isEqualTo(
                new ConversationEntry(EntryType.MESSAGE, "user", "fix the tests", "", "", "", "", "", false, ""));
    }

    @Test
    void wireNamesMatchHld() {
        assertThat(EntryType.values()).extracting(EntryType::wireName)
                .containsExactly("message", "tool_call", "tool_result", "thinking", "system");
    }
}
