package io.agentd.daemon.session;

import io.agentd.testkit.daemon.ClaudeDaemon;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeapi.FakeAnthropicApi;
import io.agentd.testkit.fakeapi.RecordedRequest;
import io.agentd.testkit.fakeapi.Reply;
import io.agentd.testkit.fakeapi.Script;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, item 5: values over Linux's 128 KiB argv element limit reach the real Claude (and through it
 * the fake API) whole: a 1 MiB query on stdin, a 256 KiB system prompt by file. What cannot be passed is
 * refused before anything is stored.
 */
class LargePromptIT {
    private FakeAnthropicApi api;
    private ClaudeDaemon claude;
    private Path work;

    @BeforeEach
    void setUp() throws Exception {
        Path dir = DaemonProcess.tempDir();
        api = FakeAnthropicApi.start();
        claude = new ClaudeDaemon(dir, api, Map.of());
        work = Files.createDirectories(dir.resolve("work"));
        claude.start(List.of());
    }

    @AfterEach
    void tearDown() {
        claude.close();
        api.close();
    }

    @Test
    void aOneMebibyteQueryAndAQuarterMebibyteSystemPromptReachTheApiWhole() throws Exception {
        api.script("large", Script.of(Reply.text("Read it all.")));
        String query = Script.tag("large") + " " + text("query", 1024 * 1024);
        String system = text("system", 256 * 1024);
        String append = text("append", 200 * 1024);
        String id;
        try (LineClient client = claude.daemon().client()) {
            id = client.result("launchSession", Map.of("query", query, "system_prompt", system,
                    "append_system_prompt", append, "working_dir", work.toString())).path("session_id").asString();
        }
        JsonNode session = claude.awaitStatus(id, Set.of("completed", "failed", "interrupted"), Duration.ofSeconds(90));
        assertThat(session.path("status").asString()).as(claude.daemon().stderr()).isEqualTo("completed");

        List<RecordedRequest> turns = api.messageRequests("large");
        assertThat(turns).hasSize(1);
        String body = turns.getFirst().body().toString();
        assertThat(body).contains(query.substring(query.indexOf(' ') + 1)).contains(system).contains(append);
    }

    @Test
    void aQueryBeyondItsLimitIsRefusedAndNothingIsStored() throws Exception {
        try (LineClient client = claude.daemon().client()) {
            JsonNode error = client.call("launchSession", Map.of("query", "x".repeat(5 * 1024 * 1024),
                    "working_dir", work.toString())).path("error");
            assertThat(error.path("code").asInt()).isEqualTo(-32602);
            assertThat(error.path("message").asString()).startsWith("query is longer than");
            JsonNode nul = client.call("launchSession", Map.of("query", "a\u0000b", "working_dir", work.toString()))
                    .path("error");
            assertThat(nul.path("code").asInt()).isEqualTo(-32602);
            JsonNode range = client.call("launchSession", Map.of("query", "q", "max_turns", 2147483648L,
                    "working_dir", work.toString())).path("error");
            assertThat(range.path("code").asInt()).isEqualTo(-32602);
            assertThat(range.path("message").asString()).contains("max_turns");
            assertThat(client.result("listSessions", Map.of()).path("sessions")).isEmpty();
        }
        assertThat(claude.daemon().stderr()).doesNotContain("\tat io.agentd");
    }

    /** Distinct ASCII words (JSON encodes them unchanged), about {@code bytes} long. */
    private static String text(String word, int bytes) {
        int each = word.length() + 8;
        return IntStream.range(0, bytes / each).mapToObj(i -> word + String.format("%07d", i))
                .collect(Collectors.joining(" "));
    }
}
