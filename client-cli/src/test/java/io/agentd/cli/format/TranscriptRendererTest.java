package io.agentd.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.cli.protocol.ProtocolJson;
import io.agentd.protocol.session.ConversationEvent;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TranscriptRendererTest {
    private static List<ConversationEvent> events(String json) {
        return ProtocolJson.MAPPER.readValue(json, ConversationEvent.Conversation.class).events();
    }

    @Test
    void rendersSpeakersTextToolCallsResultsAndThinking() {
        // Shapes as getConversation returns them (hld-protocol §2, ConversationEvent).
        List<ConversationEvent> events = events("""
                {"events":[
                 {"id":1,"session_id":"s","claude_session_id":"c","sequence":1,"event_type":"message",
                  "created_at":"2026-06-18T10:00:01Z","role":"user","content":"Fix the bug\\nin foo.py","is_completed":false},
                 {"id":2,"session_id":"s","claude_session_id":"c","sequence":2,"event_type":"thinking",
                  "created_at":"2026-06-18T10:00:02Z","role":"assistant","content":"Look at foo first.","is_completed":false},
                 {"id":3,"session_id":"s","claude_session_id":"c","sequence":3,"event_type":"message",
                  "created_at":"2026-06-18T10:00:03Z","role":"assistant","content":"I'll read the file.","is_completed":false},
                 {"id":4,"session_id":"s","claude_session_id":"c","sequence":4,"event_type":"tool_call",
                  "created_at":"2026-06-18T10:00:03Z","role":"assistant","tool_id":"t1","tool_name":"Read",
                  "tool_input_json":"{\\"file_path\\":\\"/src/foo.py\\",\\"limit\\":20}","is_completed":true,
                  "approval_status":"approved","approval_id":"local-1"},
                 {"id":5,"session_id":"s","claude_session_id":"c","sequence":5,"event_type":"tool_result",
                  "created_at":"2026-06-18T10:00:04Z","role":"user","tool_result_for_id":"t1",
                  "tool_result_content":"def foo():\\n    return 1","is_completed":false},
                 {"id":6,"session_id":"s","claude_session_id":"c","sequence":6,"event_type":"system",
                  "created_at":"2026-06-18T10:00:05Z","role":"system","content":"Session created with ID: c","is_completed":false}
                ]}""");
        String text = new TranscriptRenderer(ZoneOffset.UTC, false).render(events);
        assertThat(text).isEqualTo("""
                USER  10:00:01
                  Fix the bug
                  in foo.py

                ASSISTANT  10:00:02
                  ✻ thinking
                  ┊ Look at foo first.
                  I'll read the file.
                  ⏺ Read(file_path: /src/foo.py, limit: 20)  [approval: approved]
                    ⎿ def foo():
                          return 1

                SYSTEM  10:00:05
                  Session created with ID: c
                """);
    }

    @Test
    void shortensLongToolResults() {
        String content = IntStream.rangeClosed(1, 12).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        assertThat(TranscriptRenderer.resultLines(content)).containsExactly(
                "  ⎿ line 1", "    line 2", "    line 3", "    line 4", "    line 5", "    … (7 more lines)");
    }

    @Test
    void cutsToolResultsAtFourHundredCharacters() {
        List<String> lines = TranscriptRenderer.resultLines("a".repeat(1000) + "\nsecond");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("  ⎿ " + "a".repeat(400) + "…");
        assertThat(lines.get(1)).isEqualTo("    … (1 more line)");
        assertThat(TranscriptRenderer.resultLines("  ")).containsExactly("  ⎿ (no output)");
    }

    @Test
    void dimsThinkingOnlyOnColourTerminalsAndIndentsSubAgentEvents() {
        List<ConversationEvent> events = events("""
                {"events":[
                 {"event_type":"thinking","role":"assistant","content":"hmm"},
                 {"event_type":"message","role":"assistant","content":"from the sub-agent","parent_tool_use_id":"task1"}
                ]}""");
        String coloured = new TranscriptRenderer(ZoneOffset.UTC, true).render(events);
        assertThat(coloured).contains("\u001b[2m✻ thinking\u001b[0m").contains("\u001b[2m┊ hmm\u001b[0m");
        assertThat(coloured).contains("    │ from the sub-agent");
        assertThat(new TranscriptRenderer(ZoneOffset.UTC, false).render(events)).doesNotContain("\u001b");
    }

    @Test
    void compactInputFallsBackToRawTextAndCapsLength() {
        assertThat(TranscriptRenderer.compactInput("{\"command\":\"ls  -la\\n/tmp\",\"timeout\":5}"))
                .isEqualTo("command: ls -la /tmp, timeout: 5");
        assertThat(TranscriptRenderer.compactInput("not json")).isEqualTo("not json");
        assertThat(TranscriptRenderer.compactInput("{\"x\":\"" + "z".repeat(500) + "\"}").length())
                .isLessThanOrEqualTo(TranscriptRenderer.INPUT_MAX_CHARS);
    }
}
