package io.agentd.daemon.session.stream;

import static io.agentd.daemon.session.stream.EntryType.MESSAGE;
import static io.agentd.daemon.session.stream.EntryType.SYSTEM;
import static io.agentd.daemon.session.stream.EntryType.THINKING;
import static io.agentd.daemon.session.stream.EntryType.TOOL_CALL;
import static io.agentd.daemon.session.stream.EntryType.TOOL_RESULT;
import static io.agentd.daemon.session.stream.Transcripts.entries;
import static io.agentd.daemon.session.stream.Transcripts.events;
import static io.agentd.daemon.session.stream.Transcripts.ofType;
import static io.agentd.daemon.session.stream.Transcripts.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every recorded transcript of the real CLI, parsed and turned into rows, tokens and results. */
class TranscriptParsingTest {

    static List<String> transcripts() {
        return Transcripts.names();
    }

    @Test
    void allRecordedScenariosArePresent() {
        assertThat(transcripts()).contains("text.jsonl", "thinking.jsonl", "read_file.jsonl", "bash.jsonl",
                "write_file.jsonl", "write_file_approve.jsonl", "write_file_deny.jsonl", "multi_tool.jsonl",
                "slow.jsonl", "api_error_fail2.jsonl", "overloaded.jsonl", "bad_request.jsonl", "big.jsonl");
    }

    @ParameterizedTest
    @MethodSource("transcripts")
    void everyLineParsesAndBelongsToTheInitSession(String name) {
        List<StreamEvent> events = events(name);

        assertThat(events).noneMatch(StreamEvent.Malformed.class::isInstance);
        StreamEvent.SystemInit init = (StreamEvent.SystemInit) events.getFirst();
        assertThat(init.sessionId()).matches("[0-9a-f-]{36}");
        assertThat(init.model()).isEqualTo("claude-opus-5-5");
        assertThat(init.cwd()).isEqualTo("/home/dev/project");
        assertThat(init.permissionMode()).isEqualTo("default");
        assertThat(init.claudeCodeVersion()).isEqualTo("2.1.328");
        assertThat(events).allSatisfy(e -> assertThat(e.sessionId()).isEqualTo(init.sessionId()));
        assertThat(events.getLast()).isInstanceOf(StreamEvent.Result.class);
        assertThat(ofType(events, StreamEvent.Result.class)).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("transcripts")
    void everyToolResultAnswersAnEarlierToolCall(String name) {
        List<ConversationEntry> entries = entries(events(name));
        List<String> callIds = entries.stream().filter(e -> e.type() == TOOL_CALL).map(ConversationEntry::toolId).toList();
        List<String> answered = entries.stream().filter(e -> e.type() == TOOL_RESULT)
                .map(ConversationEntry::toolResultForId).toList();

        assertThat(answered).isEqualTo(callIds);
        assertThat(entries).allSatisfy(e -> assertThat(e.parentToolUseId()).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("transcripts")
    void lastRootAssistantUsageIsTheSessionsTokens(String name) {
        List<StreamEvent> events = events(name);
        List<Usage> usages = events.stream().flatMap(e -> TokenUsage.rootUsage(e).stream()).toList();

        if (name.equals("bad_request.jsonl") || name.equals("overloaded.jsonl")) {
            // The only assistant event is the CLI's synthetic error message with zero usage.
            assertThat(usages).isEmpty();
        } else {
            assertThat(usages.getLast()).isEqualTo(new Usage(100, 1, 0, 0));
            assertThat(TokenUsage.effectiveContextTokens(usages.getLast())).isEqualTo(101);
        }
    }

    @Test
    void text() {
        List<StreamEvent> events = events("text.jsonl");
        StreamEvent.Assistant reply = single(events, StreamEvent.Assistant.class);
        StreamEvent.Result result = single(events, StreamEvent.Result.class);

        assertThat(reply.messageId()).isEqualTo("msg_7d5617b5b7304c5582d76bb9");
        assertThat(reply.model()).isEqualTo("claude-opus-5-5");
        assertThat(types(entries(events))).containsExactly(MESSAGE);
        assertThat(entries(events).getFirst().role()).isEqualTo("assistant");
        assertThat(entries(events).getFirst().content()).endsWith("END-OF-TEXT-SCENARIO.");
        assertThat(result.isError()).isFalse();
        assertThat(result.subtype()).isEqualTo("success");
        assertThat(result.terminalReason()).isEqualTo("completed");
        assertThat(result.resultText()).isEqualTo(entries(events).getFirst().content());
        assertThat(result.numTurns()).isEqualTo(1);
        assertThat(result.durationMs()).isEqualTo(137);
        assertThat(result.durationApiMs()).isEqualTo(22);
        assertThat(result.totalCostUsd()).isCloseTo(0.0015, within(1e-12));
        assertThat(result.usage()).contains(new Usage(100, 55, 0, 0));
        assertThat(result.modelUsage()).containsOnlyKeys("claude-opus-5-5");
        assertThat(result.modelUsage().get("claude-opus-5-5"))
                .isEqualTo(new ModelUsage(100, 55, 0, 0, 0.0015, 1_000_000, 128_000));
        assertThat(TokenUsage.contextWindow(result, "claude-opus-5-5")).hasValue(1_000_000);
        assertThat(result.permissionDenials()).isEmpty();
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void thinking() {
        List<StreamEvent> events = events("thinking.jsonl");

        assertThat(ofType(events, StreamEvent.SystemOther.class)).extracting(StreamEvent.SystemOther::subtype)
                .containsExactly("thinking_tokens", "thinking_tokens", "thinking_tokens");
        assertThat(types(entries(events))).containsExactly(THINKING, MESSAGE);
        assertThat(entries(events).getFirst().content()).startsWith("Let me think about this harness request");
        assertThat(entries(events).getFirst().role()).isEqualTo("assistant");
        // One event per content block, both carrying the same message id.
        assertThat(ofType(events, StreamEvent.Assistant.class)).extracting(StreamEvent.Assistant::messageId)
                .containsOnly("msg_dd4e51dad185429fb629825f");
    }

    @Test
    void readFile() {
        List<StreamEvent> events = events("read_file.jsonl");
        List<ConversationEntry> entries = entries(events);

        assertThat(types(entries)).containsExactly(MESSAGE, TOOL_CALL, TOOL_RESULT, MESSAGE);
        ConversationEntry call = entries.get(1);
        assertThat(call.toolName()).isEqualTo("Read");
        assertThat(call.toolId()).isEqualTo("toolu_4f61ad76c5f84553b706dff2");
        assertThat(call.role()).isEmpty();
        assertThat(call.toolInputJson()).isEqualTo("{\"file_path\":\"/home/dev/project/input.txt\"}");
        ConversationEntry result = entries.get(2);
        assertThat(result.role()).isEqualTo("user");
        assertThat(result.toolResultIsError()).isFalse();
        // CLI 2.1.328 numbers Read output with a tab, not the arrow hld's snapshot code looks for.
        assertThat(result.toolResultContent()).isEqualTo("1\tharness input line 1\n2\tharness input line 2\n3\t");

        StreamEvent.User user = single(events, StreamEvent.User.class);
        String fileContent = user.toolUseResult().get("file").get("content").stringValue();
        assertThat(fileContent).isEqualTo("harness input line 1\nharness input line 2\n");
        assertThat(ReadSnapshots.snapshot(call.toolInputJson(), result.toolResultContent(), user.toolUseResult(),
                Path.of("/home/dev/project")))
                .contains(new FileSnapshot("/home/dev/project/input.txt", fileContent));
        assertThat(ReadSnapshots.snapshot(call.toolInputJson(), result.toolResultContent(), Path.of("/home/dev/project")))
                .contains(new FileSnapshot("/home/dev/project/input.txt", fileContent));
    }

    @Test
    void bash() {
        List<ConversationEntry> entries = entries(events("bash.jsonl"));

        assertThat(types(entries)).containsExactly(TOOL_CALL, TOOL_RESULT, MESSAGE);
        assertThat(entries.get(0).toolInputJson())
                .isEqualTo("{\"command\":\"echo harness-ok\",\"description\":\"Run harness command\"}");
        assertThat(entries.get(1).toolResultContent()).isEqualTo("harness-ok");
    }

    @Test
    void writeFileRefusedWithoutPermissionTool() {
        List<StreamEvent> events = events("write_file.jsonl");
        List<ConversationEntry> entries = entries(events);
        StreamEvent.Result result = single(events, StreamEvent.Result.class);

        assertThat(types(entries)).containsExactly(TOOL_CALL, SYSTEM, TOOL_RESULT, MESSAGE);
        // Keys sorted as Go writes them: content before file_path.
        assertThat(entries.get(0).toolInputJson())
                .isEqualTo("{\"content\":\"written by harness\\n\",\"file_path\":\"/home/dev/project/written.txt\"}");
        assertThat(entries.get(1).role()).isEqualTo("system");
        assertThat(entries.get(1).content()).startsWith("Permission denied for Write: Claude requested permissions");
        assertThat(entries.get(2).toolResultIsError()).isTrue();
        assertThat(single(events, StreamEvent.User.class).toolUseResult().stringValue()).startsWith("Error: ");
        assertThat(result.isError()).isFalse();
        assertThat(result.permissionDenials()).singleElement().satisfies(d -> {
            assertThat(d.toolName()).isEqualTo("Write");
            assertThat(d.toolUseId()).isEqualTo(entries.get(0).toolId());
            assertThat(d.toolInput().get("file_path").stringValue()).isEqualTo("/home/dev/project/written.txt");
        });
    }

    @Test
    void writeFileApprovedAndDenied() {
        List<ConversationEntry> approved = entries(events("write_file_approve.jsonl"));
        List<StreamEvent> deniedEvents = events("write_file_deny.jsonl");
        List<ConversationEntry> denied = entries(deniedEvents);

        assertThat(types(approved)).containsExactly(TOOL_CALL, TOOL_RESULT, MESSAGE);
        assertThat(approved.get(1).toolResultIsError()).isFalse();
        assertThat(approved.get(1).toolResultContent()).startsWith("File created successfully");
        assertThat(types(denied)).containsExactly(TOOL_CALL, TOOL_RESULT, MESSAGE);
        assertThat(denied.get(1).toolResultIsError()).isTrue();
        assertThat(denied.get(1).toolResultContent()).isEqualTo("Denied by approve_mcp test server");
        assertThat(single(deniedEvents, StreamEvent.Result.class).permissionDenials()).hasSize(1);
    }

    @Test
    void multiTool() {
        List<StreamEvent> events = events("multi_tool.jsonl");
        List<ConversationEntry> entries = entries(events);
        StreamEvent.Result result = single(events, StreamEvent.Result.class);

        assertThat(types(entries)).containsExactly(MESSAGE, TOOL_CALL, TOOL_RESULT, MESSAGE, TOOL_CALL, TOOL_RESULT, MESSAGE);
        assertThat(entries).filteredOn(e -> e.type() == TOOL_CALL).extracting(ConversationEntry::toolName)
                .containsExactly("Read", "Bash");
        assertThat(result.numTurns()).isEqualTo(3);
        assertThat(result.durationMs()).isEqualTo(473);
        assertThat(result.totalCostUsd()).isCloseTo(0.0024, within(1e-12));
    }

    @Test
    void slowStreamsPartialMessagesAsUnknownEvents() {
        List<StreamEvent> events = events("slow.jsonl");

        assertThat(ofType(events, StreamEvent.Unknown.class)).hasSize(65)
                .allSatisfy(u -> assertThat(u.type()).isEqualTo("stream_event"));
        assertThat(single(events, StreamEvent.SystemOther.class).subtype()).isEqualTo("status");
        assertThat(types(entries(events))).containsExactly(MESSAGE);
        assertThat(entries(events).getFirst().content()).startsWith("slow-000 slow-001");
        assertThat(single(events, StreamEvent.Result.class).durationMs()).isEqualTo(30258);
    }

    @Test
    void apiErrorRecoveredAfterTwoRetries() {
        List<StreamEvent> events = events("api_error_fail2.jsonl");
        List<ConversationEntry> entries = entries(events);
        StreamEvent.Result result = single(events, StreamEvent.Result.class);

        assertThat(types(entries)).containsExactly(SYSTEM, SYSTEM, MESSAGE);
        assertThat(entries.get(0).content()).isEqualTo("API request failed (500 server_error); retry 1 of 10 in 542 ms");
        assertThat(entries.get(1).content()).isEqualTo("API request failed (500 server_error); retry 2 of 10 in 1117 ms");
        assertThat(result.isError()).isFalse();
        assertThat(result.resultText()).isEqualTo("RECOVERED after 2 failure(s).");
    }

    @Test
    void overloadedFailsWithTheApiErrorText() {
        List<StreamEvent> events = events("overloaded.jsonl");
        StreamEvent.Result result = single(events, StreamEvent.Result.class);
        StreamEvent.Assistant synthetic = single(events, StreamEvent.Assistant.class);

        assertThat(synthetic.apiErrorMessage()).isTrue();
        assertThat(synthetic.model()).isEqualTo("<synthetic>");
        assertThat(types(entries(events))).containsExactly(SYSTEM, MESSAGE);
        assertThat(result.isError()).isTrue();
        assertThat(result.subtype()).isEqualTo("success");
        assertThat(result.terminalReason()).isEqualTo("api_error");
        assertThat(result.apiErrorStatus()).isEqualTo(529);
        assertThat(result.apiErrorType()).isEqualTo("overloaded_error");
        assertThat(result.modelUsage()).isEmpty();
        assertThat(TokenUsage.contextWindow(result)).isEmpty();
        assertThat(FailureReasons.of(result, "", 1)).startsWith("API Error: 529 Overloaded (fake).")
                .isEqualTo(result.resultText());
    }

    @Test
    void badRequestFailsWithTheApiErrorText() {
        List<StreamEvent> events = events("bad_request.jsonl");
        StreamEvent.Result result = single(events, StreamEvent.Result.class);

        assertThat(entries(events)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(MESSAGE);
            assertThat(e.content()).isEqualTo("API Error: 400 Bad request (fake)");
        });
        assertThat(result.isError()).isTrue();
        assertThat(result.apiErrorStatus()).isEqualTo(400);
        assertThat(result.totalCostUsd()).isZero();
        assertThat(FailureReasons.of(result, "some stderr noise", 1)).isEqualTo("API Error: 400 Bad request (fake)");
    }

    @Test
    void bigOneMegabyteLine() {
        List<StreamEvent> events = events("big.jsonl");
        StreamEvent.Assistant reply = single(events, StreamEvent.Assistant.class);
        StreamEvent.Result result = single(events, StreamEvent.Result.class);

        String text = ((ContentBlock.Text) reply.content().getFirst()).text();
        assertThat(text).hasSize(1_000_000).endsWith("BIG-END");
        assertThat(result.resultText()).isEqualTo(text);
        assertThat(result.usage()).map(Usage::outputTokens).contains(250_000L);
        assertThat(result.totalCostUsd()).isCloseTo(5.0004, within(1e-9));
    }

    private static List<EntryType> types(List<ConversationEntry> entries) {
        return entries.stream().map(ConversationEntry::type).toList();
    }
}
