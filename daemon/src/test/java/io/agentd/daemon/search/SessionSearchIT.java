package io.agentd.daemon.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.testkit.daemon.ClaudeDaemon;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeapi.FakeAnthropicApi;
import io.agentd.testkit.fakeapi.Reply;
import io.agentd.testkit.fakeapi.Script;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code searchSessions} over the real daemon: a real Claude session on the fake API reads a file and
 * answers, and its words, its tool call's path and the tool's result are found as the daemon stored them.
 */
class SessionSearchIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

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
    void findsTheWordsOfARealConversation() throws Exception {
        Path file = Files.writeString(work.resolve("inventory-ledger.txt"), "row 1: quasar widgets\n");
        api.script("ledger", Script.of(
                Reply.toolUse("Read", Map.of("file_path", file.toString())),
                Reply.text("The ledger lists seventeen narwhals and some quasar widgets.")));
        String id;
        try (LineClient client = claude.daemon().client()) {
            id = client.result("launchSession", Map.of("query", Script.tag("ledger") + " check the ledger",
                    "working_dir", work.toString(), "model", "sonnet")).path("session_id").asString();
        }
        claude.awaitStatus(id, Set.of("completed"), TIMEOUT);

        try (LineClient client = claude.daemon().client()) {
            JsonNode hits = search(client, Map.of("query", "narwhals"));
            assertThat(hits).hasSize(1);
            JsonNode hit = hits.get(0);
            assertThat(hit.path("session").path("id").asString()).isEqualTo(id);
            assertThat(hit.path("session").path("status").asString()).isEqualTo("completed");
            assertThat(hit.path("matched_field").asString()).isEqualTo("message");
            String snippet = hit.path("snippet").asString();
            JsonNode range = hit.path("highlights").get(0);
            assertThat(snippet.substring(range.path("start").asInt(), range.path("end").asInt())).isEqualTo("narwhals");
            assertThat(hit.path("rank").asDouble()).isNegative();

            assertThat(search(client, Map.of("query", "inventory-ledger.txt")).get(0).path("matched_field").asString())
                    .isEqualTo("path");
            assertThat(search(client, Map.of("query", "quasar")).get(0).path("session").path("id").asString())
                    .isEqualTo(id);
            assertThat(search(client, Map.of("query", "narwh*"))).hasSize(1);
            assertThat(search(client, Map.of("query", "narwhals \"NEAR\" (unicorns)"))).isEmpty();

            client.result("updateSessionTitle", Map.of("session_id", id, "title", "Aardvark audit"));
            assertThat(search(client, Map.of("query", "aardvark")).get(0).path("matched_field").asString())
                    .isEqualTo("title");

            client.result("archiveSession", Map.of("session_id", id, "archived", true));
            assertThat(search(client, Map.of("query", "narwhals"))).isEmpty();
            assertThat(search(client, Map.of("query", "narwhals", "include_archived", true))).hasSize(1);

            JsonNode refused = client.call("searchSessions", Map.of("query", "narwhals", "limit", 51));
            assertThat(refused.path("error").path("code").asInt()).isEqualTo(-32602);
            assertThat(refused.path("error").path("message").asString()).isEqualTo("limit must be between 1 and 50");
            assertThat(client.call("searchSessions", Map.of()).path("error").path("message").asString())
                    .isEqualTo("query is required");
        }
    }

    private static JsonNode search(LineClient client, Map<String, Object> params) throws Exception {
        return client.result("searchSessions", params).get("results");
    }
}
