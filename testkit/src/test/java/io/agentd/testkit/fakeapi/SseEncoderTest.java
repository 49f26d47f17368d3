package io.agentd.testkit.fakeapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SseEncoderTest {
    private final AtomicInteger ids = new AtomicInteger();
    private final SseEncoder encoder = new SseEncoder(() -> "toolu_" + ids.incrementAndGet());

    @Test
    void textReplyFollowsTheStandardEventOrder() {
        List<SseEvent> events = encoder.encode(Reply.textChunks("Hel", "lo").withUsage(new Usage(11, 22, 3, 4)),
                "msg_1", "claude-test");

        assertThat(events).extracting(SseEvent::name).containsExactly("message_start", "ping",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop");
        JsonNode message = events.getFirst().data().path("message");
        assertThat(message.path("id").asString()).isEqualTo("msg_1");
        assertThat(message.path("model").asString()).isEqualTo("claude-test");
        assertThat(message.path("role").asString()).isEqualTo("assistant");
        assertThat(message.path("usage").path("input_tokens").asLong()).isEqualTo(11);
        assertThat(message.path("usage").path("cache_creation_input_tokens").asLong()).isEqualTo(3);
        assertThat(message.path("usage").path("cache_read_input_tokens").asLong()).isEqualTo(4);
        assertThat(events.get(2).data().path("content_block").path("type").asString()).isEqualTo("text");
        assertThat(events.get(3).data().path("delta").path("type").asString()).isEqualTo("text_delta");
        assertThat(events.get(3).data().path("delta").path("text").asString()).isEqualTo("Hel");
        assertThat(events.get(4).data().path("delta").path("text").asString()).isEqualTo("lo");
        JsonNode messageDelta = events.get(6).data();
        assertThat(messageDelta.path("delta").path("stop_reason").asString()).isEqualTo("end_turn");
        assertThat(messageDelta.path("usage").path("output_tokens").asLong()).isEqualTo(22);
        assertThat(events).filteredOn(SseEvent::delta).hasSize(2);
    }

    @Test
    void thinkingSendsASignatureDeltaAfterTheThinkingDeltas() {
        List<SseEvent> events = encoder.encode(Reply.thinking("hmm", "answer"), "msg_1", "m");

        List<String> deltaTypes = events.stream().filter(SseEvent::delta)
                .map(e -> e.data().path("delta").path("type").asString()).toList();
        assertThat(deltaTypes).containsExactly("thinking_delta", "signature_delta", "text_delta");
        assertThat(events.get(2).data().path("content_block").path("type").asString()).isEqualTo("thinking");
        assertThat(events).filteredOn(e -> e.name().equals("content_block_start"))
                .extracting(e -> e.data().path("index").asInt()).containsExactly(0, 1);
    }

    @Test
    void toolUseStreamsItsInputInPiecesAndStopsForTheTool() {
        Reply.Message reply = Reply.text("Two calls.")
                .andToolUse("Read", Map.of("file_path", "/project/a.txt"))
                .andToolUse("Bash", "{\"command\":\"echo hi\"}");

        List<SseEvent> events = encoder.encode(reply, "msg_1", "m");

        List<JsonNode> starts = events.stream().filter(e -> e.name().equals("content_block_start"))
                .map(e -> e.data().path("content_block")).toList();
        assertThat(starts.get(1).path("type").asString()).isEqualTo("tool_use");
        assertThat(starts.get(1).path("id").asString()).isEqualTo("toolu_1");
        assertThat(starts.get(1).path("name").asString()).isEqualTo("Read");
        assertThat(starts.get(1).path("input").isEmpty()).isTrue();
        assertThat(starts.get(2).path("id").asString()).isEqualTo("toolu_2");
        String bashInput = events.stream()
                .filter(e -> e.delta() && e.data().path("index").asInt() == 2)
                .map(e -> e.data().path("delta"))
                .peek(d -> assertThat(d.path("type").asString()).isEqualTo("input_json_delta"))
                .map(d -> d.path("partial_json").asString())
                .reduce("", String::concat);
        assertThat(bashInput).isEqualTo("{\"command\":\"echo hi\"}");
        assertThat(events.stream().filter(e -> e.delta() && e.data().path("index").asInt() == 2)).hasSize(2);
        assertThat(events.get(events.size() - 2).data().path("delta").path("stop_reason").asString())
                .isEqualTo("tool_use");
    }

    @Test
    void wireFormatIsAnEventLineADataLineAndABlankLine() {
        SseEvent stop = encoder.encode(Reply.text("x"), "msg_1", "m").getLast();

        assertThat(stop.wireFormat()).isEqualTo("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    }
}
