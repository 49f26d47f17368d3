package io.agentd.testkit.claude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentd.testkit.fakeapi.FakeAnthropicApi;
import io.agentd.testkit.fakeapi.RecordedRequest;
import io.agentd.testkit.fakeapi.Reply;
import io.agentd.testkit.fakeapi.Script;
import io.agentd.testkit.fakeapi.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Drives the real pinned Claude Code CLI against {@link FakeAnthropicApi}. */
class RealClaudeIT {
    @TempDir
    Path home;
    @TempDir
    Path tempCwd;

    private Path cwd;
    private FakeAnthropicApi api;
    private ClaudeEnvironment env;

    @BeforeEach
    void start() throws Exception {
        cwd = tempCwd.toRealPath();
        api = FakeAnthropicApi.start();
        env = new ClaudeEnvironment(api.baseUrl(), home);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private ClaudeRun claude(String... args) throws Exception {
        return ClaudeRun.run(env, cwd, args);
    }

    @Test
    void plainTextReplyCarriesTheScriptedUsage() throws Exception {
        api.script("text", Script.of(Reply.textChunks("Hello ", "from ", "the fake.")
                .withUsage(new Usage(123, 45, 6, 7))));

        ClaudeRun run = claude("-p", Script.tag("text") + " say hello");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.events().getFirst().path("subtype").asString()).isEqualTo("init");
        assertThat(run.assistantBlocks()).singleElement()
                .satisfies(b -> assertThat(b.path("text").asString()).isEqualTo("Hello from the fake."));
        JsonNode result = run.result();
        assertThat(result.path("subtype").asString()).isEqualTo("success");
        assertThat(result.path("is_error").asBoolean()).isFalse();
        assertThat(result.path("result").asString()).isEqualTo("Hello from the fake.");
        assertThat(result.path("num_turns").asInt()).isEqualTo(1);
        JsonNode usage = result.path("usage");
        assertThat(usage.path("input_tokens").asLong()).isEqualTo(123);
        assertThat(usage.path("output_tokens").asLong()).isEqualTo(45);
        assertThat(usage.path("cache_creation_input_tokens").asLong()).isEqualTo(6);
        assertThat(usage.path("cache_read_input_tokens").asLong()).isEqualTo(7);

        RecordedRequest request = api.messageRequests("text").getFirst();
        assertThat(request.query()).isEqualTo("beta=true");
        assertThat(request.body().path("stream").asBoolean()).isTrue();
        assertThat(request.texts("user").getFirst()).contains("say hello");
    }

    @Test
    void thinkingComesBeforeTheText() throws Exception {
        api.script("think", Script.of(Reply.thinking("Let me think step by step.", "Thought it through.")));

        ClaudeRun run = claude("-p", Script.tag("think") + " think");

        assertThat(run.exitCode()).as("%s", run).isZero();
        List<JsonNode> blocks = run.assistantBlocks();
        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0).path("type").asString()).isEqualTo("thinking");
        assertThat(blocks.get(0).path("thinking").asString()).isEqualTo("Let me think step by step.");
        assertThat(blocks.get(0).path("signature").asString()).startsWith("sig_fake_");
        assertThat(blocks.get(1).path("text").asString()).isEqualTo("Thought it through.");
        assertThat(run.result().path("result").asString()).isEqualTo("Thought it through.");
    }

    @Test
    void readToolResultIsLineNumbered() throws Exception {
        Path input = Files.writeString(cwd.resolve("input.txt"), "first line\nsecond line\n");
        api.script("read", Script.of(
                Reply.text("I'll read the file.").andToolUse("Read", Map.of("file_path", input.toString())),
                Reply.text("READ-DONE")));

        ClaudeRun run = claude("-p", Script.tag("read") + " read input.txt");

        assertThat(run.exitCode()).as("%s", run).isZero();
        JsonNode toolUse = run.assistantBlocks().get(1);
        assertThat(toolUse.path("type").asString()).isEqualTo("tool_use");
        assertThat(toolUse.path("name").asString()).isEqualTo("Read");
        assertThat(toolUse.path("id").asString()).startsWith("toolu_");
        JsonNode toolResult = run.toolResults().getFirst();
        assertThat(toolResult.path("tool_use_id").asString()).isEqualTo(toolUse.path("id").asString());
        assertThat(toolResult.path("content").asString()).contains("1\tfirst line", "2\tsecond line");
        JsonNode userEvent = run.ofType("user").getFirst();
        assertThat(userEvent.path("tool_use_result").path("file").path("content").asString())
                .isEqualTo("first line\nsecond line\n");
        assertThat(run.result().path("result").asString()).isEqualTo("READ-DONE");
        assertThat(run.result().path("num_turns").asInt()).isEqualTo(2);

        List<RecordedRequest> turns = api.messageRequests("read");
        assertThat(turns).hasSize(2);
        assertThat(turns.get(1).turnIndex()).isEqualTo(1);
        assertThat(turns.get(1).toolResults()).singleElement()
                .satisfies(r -> assertThat(r.toString()).contains("second line"));
    }

    @Test
    void bashEchoRunsWithoutPermission() throws Exception {
        api.script("bash", Script.of(
                Reply.toolUse("Bash", Map.of("command", "echo fake-bash-ok", "description", "Say ok")),
                Reply.text("BASH-DONE")));

        ClaudeRun run = claude("-p", Script.tag("bash") + " run echo");

        assertThat(run.exitCode()).as("%s", run).isZero();
        JsonNode toolResult = run.toolResults().getFirst();
        assertThat(toolResult.path("is_error").asBoolean(false)).isFalse();
        assertThat(toolResult.toString()).contains("fake-bash-ok");
        assertThat(run.result().path("result").asString()).isEqualTo("BASH-DONE");
    }

    @Test
    void severalToolCallsOverSeveralTurns() throws Exception {
        Files.writeString(cwd.resolve("notes.txt"), "a note\n");
        api.script("multi", Script.of(
                Reply.text("Two things at once.")
                        .andToolUse("Bash", Map.of("command", "echo multi-one", "description", "One"))
                        .andToolUse("Read", Map.of("file_path", cwd.resolve("notes.txt").toString())),
                Reply.toolUse("Bash", Map.of("command", "echo multi-two", "description", "Two")),
                Reply.text("ALL-DONE")));

        ClaudeRun run = claude("-p", Script.tag("multi") + " do it all");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.toolResults()).hasSize(3);
        assertThat(run.toolResults().toString()).contains("multi-one", "a note", "multi-two");
        // num_turns counted 4 here for 3 model requests: it is not the number of API calls
        assertThat(run.result().path("num_turns").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(api.messageRequests("multi")).extracting(RecordedRequest::turnIndex).containsExactly(0, 1, 2);
    }

    @Test
    void serverErrorEndsTheRunAsAnError() throws Exception {
        api.script("fail", Script.always(Reply.serverError()));

        ClaudeRun run = claude("-p", Script.tag("fail") + " fail please");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        JsonNode result = run.result();
        assertThat(result.path("is_error").asBoolean()).isTrue();
        // API failures report subtype success: is_error, terminal_reason and the exit code tell
        assertThat(result.path("subtype").asString()).isEqualTo("success");
        assertThat(result.path("terminal_reason").asString()).isEqualTo("api_error");
        assertThat(result.path("api_error_status").asInt()).isEqualTo(500);
        // CLAUDE_CODE_MAX_RETRIES=0: no retries
        assertThat(api.messageRequests("fail")).hasSize(1);
    }

    @Test
    void resumeSendsTheEarlierTurns() throws Exception {
        api.script("resume", Script.of(Reply.text("FIRST-ANSWER"), Reply.text("SECOND-ANSWER")));
        ClaudeRun first = claude("-p", Script.tag("resume") + " first question");
        assertThat(first.exitCode()).as("%s", first).isZero();

        ClaudeRun second = claude("--resume", first.sessionId(), "-p", "second question");

        assertThat(second.exitCode()).as("%s", second).isZero();
        assertThat(second.sessionId()).isEqualTo(first.sessionId());
        assertThat(second.result().path("result").asString()).isEqualTo("SECOND-ANSWER");
        RecordedRequest resumed = api.messageRequests("resume").getLast();
        assertThat(resumed.turnIndex()).isEqualTo(1);
        assertThat(resumed.texts("assistant")).singleElement().isEqualTo("FIRST-ANSWER");
        assertThat(String.join("\n", resumed.texts("user"))).contains("first question", "second question");
    }

    @Test
    void writeWithoutPermissionToolIsDenied() throws Exception {
        Path target = cwd.resolve("written.txt");
        api.script("write", Script.of(
                Reply.toolUse("Write", Map.of("file_path", target.toString(), "content", "hello\n")),
                Reply.text("WRITE-DONE")));

        ClaudeRun run = claude("-p", Script.tag("write") + " write a file");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(target).doesNotExist();
        assertThat(run.ofType("system", "permission_denied")).singleElement()
                .satisfies(e -> assertThat(e.path("tool_name").asString()).isEqualTo("Write"));
        assertThat(run.toolResults().getFirst().path("is_error").asBoolean()).isTrue();
        JsonNode denials = run.result().path("permission_denials");
        assertThat(denials).hasSize(1);
        assertThat(denials.get(0).path("tool_name").asString()).isEqualTo("Write");
        assertThat(denials.get(0).path("tool_input").path("file_path").asString()).isEqualTo(target.toString());
    }

    @Test
    void sigintDuringAHangingStreamEndsWithAnErrorResult() throws Exception {
        api.script("hang", Script.of(Reply.hang()));
        ClaudeRun.Started started = ClaudeRun.start(env, cwd, "-p", Script.tag("hang") + " wait forever");
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.messageRequests("hang").isEmpty());
        // The first delta has been flushed; the CLI shows nothing on stdout until it ends, so there is no signal
        // for "it has read the delta". Give it a moment (generous: on a loaded 2-core machine 300 ms was too
        // short and the interrupt came before the delta was read), then interrupt it.
        Thread.sleep(1500);

        new ProcessBuilder("kill", "-INT", Long.toString(started.process().pid())).start().waitFor();
        ClaudeRun run = started.await();

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.result().path("is_error").asBoolean()).isTrue();
        assertThat(run.result().path("terminal_reason").asString()).startsWith("aborted");
        assertThat(run.ofType("assistant")).singleElement().satisfies(e -> {
            assertThat(e.path("aborted").asBoolean()).isTrue();
            assertThat(e.path("message").path("content").get(0).path("text").asString()).isEqualTo("Working on it");
        });
        assertThat(run.ofType("user").toString()).contains("[Request interrupted by user]");
    }

    @Test
    void concurrentSessionsEachFollowTheirOwnScript() throws Exception {
        int sessions = 4;
        List<ClaudeRun.Started> runs = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            api.script("s" + i, Script.of(
                    Reply.toolUse("Bash", Map.of("command", "echo from-" + i, "description", "Echo")),
                    Reply.text("ANSWER-" + i)));
            runs.add(ClaudeRun.start(env, cwd, "-p", Script.tag("s" + i) + " go"));
        }

        for (int i = 0; i < sessions; i++) {
            ClaudeRun run = runs.get(i).await();
            assertThat(run.exitCode()).as("%s", run).isZero();
            assertThat(run.toolResults().toString()).contains("from-" + i);
            assertThat(run.result().path("result").asString()).isEqualTo("ANSWER-" + i);
        }
        assertThat(api.messageRequests()).hasSize(2 * sessions);
    }
}
