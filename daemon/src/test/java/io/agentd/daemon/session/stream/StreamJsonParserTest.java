package io.agentd.daemon.session.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamJsonParserTest {
    private final StreamJsonParser parser = new StreamJsonParser();

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "{\"type\":\"assistant\"", "[1,2]", "42", "\"text\"", "null",
            "{\"type\":\"user\",}"})
    void badLinesBecomeMalformedValues(String line) {
        StreamEvent event = parser.parse(line);

        assertThat(event).isInstanceOfSatisfying(StreamEvent.Malformed.class, m -> {
            assertThat(m.line()).isEqualTo(line);
            assertThat(m.error()).isNotBlank();
            assertThat(m.sessionId()).isEmpty();
        });
    }

    @Test
    void nullAndOutOfRangeInputsDoNotThrow() {
        assertThat(parser.parse((String) null)).isInstanceOf(StreamEvent.Malformed.class);
        assertThat(parser.parse(null, 0, 10)).isInstanceOf(StreamEvent.Malformed.class);
        assertThat(parser.parse("{}".getBytes(StandardCharsets.UTF_8), 1, 5)).isInstanceOf(StreamEvent.Malformed.class);
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(42);
        byte[] prefix = "{\"type\":\"assistant\",\"message\":{\"content\":[".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 2_000; i++) {
            byte[] line = new byte[prefix.length + random.nextInt(64)];
            System.arraycopy(prefix, 0, line, 0, prefix.length);
            for (int j = prefix.length; j < line.length; j++) {
                line[j] = (byte) random.nextInt(256);
            }
            assertThat(parser.parse(line, 0, line.length)).isNotNull();
        }
    }

    @Test
    void unknownTypeKeepsTheRawObject() {
        StreamEvent event = parser.parse("{\"type\":\"control_response\",\"session_id\":\"s1\",\"response\":{\"subtype\":\"success\"}}");

        assertThat(event).isInstanceOfSatisfying(StreamEvent.Unknown.class, u -> {
            assertThat(u.type()).isEqualTo("control_response");
            assertThat(u.sessionId()).isEqualTo("s1");
            assertThat(u.raw().get("response").get("subtype").stringValue()).isEqualTo("success");
        });
        assertThat(ConversationEntries.from(event)).isEmpty();
    }

    @Test
    void objectWithoutTypeIsUnknownWithEmptyType() {
        assertThat(parser.parse("{\"session_id\":\"s1\"}"))
                .isInstanceOfSatisfying(StreamEvent.Unknown.class, u -> assertThat(u.type()).isEmpty());
    }

    @Test
    void parsesASliceOfALargerBufferWithCarriageReturn() {
        byte[] buffer = "garbage{\"type\":\"system\",\"subtype\":\"status\",\"session_id\":\"s9\"}\r\nmore"
                .getBytes(StandardCharsets.UTF_8);
        int start = "garbage".length();
        int end = new String(buffer, StandardCharsets.UTF_8).indexOf('\n');

        StreamEvent event = parser.parse(buffer, start, end - start);

        assertThat(event).isEqualTo(new StreamEvent.SystemOther("status", "s9", ((StreamEvent.SystemOther) event).raw()));
    }

    @Test
    void plainStringUserContentIsOneTextBlock() {
        StreamEvent event = parser.parse("{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":"
                + "\"[Request interrupted by user]\"},\"parent_tool_use_id\":null,\"session_id\":\"s1\"}");

        assertThat(event).isInstanceOfSatisfying(StreamEvent.User.class, u -> {
            assertThat(u.content()).containsExactly(new ContentBlock.Text("[Request interrupted by user]"));
            assertThat(u.parentToolUseId()).isEmpty();
            assertThat(u.toolUseResult().isMissingNode()).isTrue();
        });
        assertThat(ConversationEntries.from(event)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EntryType.MESSAGE);
            assertThat(e.role()).isEqualTo("user");
            assertThat(e.content()).isEqualTo("[Request interrupted by user]");
        });
    }

    @Test
    void toolResultArrayContentJoinsTextItems() {
        StreamEvent event = parser.parse("{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"t1\",\"is_error\":true,\"content\":[{\"type\":\"text\",\"text\":\"a\"},"
                + "{\"type\":\"image\",\"source\":{}},{\"type\":\"text\",\"text\":\"b\"}]}]},\"session_id\":\"s1\"}");

        assertThat(((StreamEvent.User) event).content())
                .containsExactly(new ContentBlock.ToolResult("t1", "a\nb", true));
    }

    @Test
    void unexpectedFieldTypesReadAsAbsent() {
        StreamEvent event = parser.parse("{\"type\":\"assistant\",\"session_id\":7,\"parent_tool_use_id\":{},"
                + "\"message\":{\"id\":null,\"content\":\"hi\",\"usage\":[1]}}");

        assertThat(event).isInstanceOfSatisfying(StreamEvent.Assistant.class, a -> {
            assertThat(a.sessionId()).isEmpty();
            assertThat(a.parentToolUseId()).isEmpty();
            assertThat(a.messageId()).isEmpty();
            assertThat(a.content()).containsExactly(new ContentBlock.Text("hi"));
            assertThat(a.usage()).isEmpty();
        });
    }

    @Test
    void unknownContentBlocksAreKeptRawAndYieldNoRow() {
        StreamEvent event = parser.parse("{\"type\":\"assistant\",\"message\":{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"server_tool_use\",\"id\":\"x\"},{\"type\":\"text\",\"text\":\"ok\"}]}}");

        assertThat(((StreamEvent.Assistant) event).content().getFirst())
                .isInstanceOfSatisfying(ContentBlock.UnknownBlock.class, b -> assertThat(b.type()).isEqualTo("server_tool_use"));
        assertThat(ConversationEntries.from(event)).extracting(ConversationEntry::content).containsExactly("ok");
    }

    @Test
    void resultErrorsAndStringPermissionDenials() {
        StreamEvent event = parser.parse("{\"type\":\"result\",\"subtype\":\"error_during_execution\",\"is_error\":true,"
                + "\"errors\":[\"No conversation found with session ID: abc\"],\"permission_denials\":[\"Write\"]}");

        assertThat(event).isInstanceOfSatisfying(StreamEvent.Result.class, r -> {
            assertThat(r.errors()).containsExactly("No conversation found with session ID: abc");
            assertThat(r.permissionDenials()).singleElement().satisfies(d -> {
                assertThat(d.toolName()).isEqualTo("Write");
                assertThat(d.toolUseId()).isEmpty();
            });
            assertThat(r.usage()).isEmpty();
            assertThat(r.modelUsage()).isEmpty();
        });
    }

    @Test
    void multiMegabyteLineParsesFromBytes() {
        String text = "x".repeat(12 * 1024 * 1024);
        byte[] line = ("{\"type\":\"assistant\",\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\""
                + text + "\"}]}}").getBytes(StandardCharsets.UTF_8);

        StreamEvent event = parser.parse(line, 0, line.length);

        assertThat(event).isInstanceOf(StreamEvent.Assistant.class);
        assertThat(((ContentBlock.Text) ((StreamEvent.Assistant) event).content().getFirst()).text()).hasSize(text.length());
    }
}
