package io.agentd.protocol.session;

import static io.agentd.protocol.WireTesting.MAPPER;
import static io.agentd.protocol.WireTesting.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

class ConversationEventTest {
    private static final ConversationEvent FULL = new ConversationEvent(7L, "s-1", "claude-1", 3L, "tool_call",
            "2026-11-22T04:30:22Z", "assistant", "quote \" newline \n ünï 😀", "toolu_1", "Write",
            "{\"file_path\":\"/x\"}", "toolu_0", "toolu_r", "result", true, "approved", "local-1");
    private static final ConversationEvent BARE = new ConversationEvent(null, "s-1", "", null, "message",
            null, null, null, null, null, null, null, null, null, false, null, null);

    @Test
    void allFieldsCarryHldsKeyNames() {
        assertThat(keys(MAPPER.valueToTree(FULL))).containsExactly("id", "session_id", "claude_session_id",
                "sequence", "event_type", "created_at", "role", "content", "tool_id", "tool_name", "tool_input_json",
                "parent_tool_use_id", "tool_result_for_id", "tool_result_content", "is_completed", "approval_status",
                "approval_id");
        assertThat(keys(MAPPER.valueToTree(BARE)))
                .containsExactly("session_id", "claude_session_id", "event_type", "is_completed");
    }

    @Test
    void roundTripsThroughJson() {
        ConversationEvent.Conversation conversation = new ConversationEvent.Conversation(List.of(FULL, BARE));

        String json = MAPPER.writeValueAsString(conversation);

        assertThat(json).startsWith("{\"events\":[{\"id\":7,");
        assertThat(MAPPER.readValue(json, ConversationEvent.Conversation.class)).isEqualTo(conversation);
    }

    @Test
    void hldsNullEventListReadsAsEmpty() {
        assertThat(MAPPER.readValue("{\"events\":null}", ConversationEvent.Conversation.class).events()).isEmpty();
    }

    @Test
    void writeToWritesTheSameBytesAsTheMapper() {
        for (ConversationEvent event : List.of(FULL, BARE)) {
            StringWriter written = new StringWriter();
            try (JsonGenerator generator = MAPPER.createGenerator(written)) {
                event.writeTo(generator);
            }
            assertThat(written.toString()).isEqualTo(MAPPER.writeValueAsString(event));
        }
    }
}
