package io.agentd.testkit.fakeapi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Talks HTTP to a real {@link FakeAnthropicApi} on a loopback port. */
class FakeAnthropicApiTest {
    private final FakeAnthropicApi api = FakeAnthropicApi.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        api.close();
        http.close();
    }

    private static String body(String prompt, int assistantTurns) {
        StringBuilder messages = new StringBuilder("{\"role\":\"user\",\"content\":" + Json.write(prompt) + "}");
        for (int i = 0; i < assistantTurns; i++) {
            messages.append(",{\"role\":\"assistant\",\"content\":\"a").append(i).append("\"}")
                    .append(",{\"role\":\"user\",\"content\":\"u").append(i).append("\"}");
        }
        return "{\"model\":\"claude-test\",\"stream\":true,\"messages\":[" + messages + "]}";
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(request(path, json), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String json) {
        return HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** The {@code data:} objects of an SSE body, in order. */
    private static List<JsonNode> events(String sse) {
        return sse.lines().filter(l -> l.startsWith("data: ")).map(l -> Json.parse(l.substring(6))).toList();
    }

    private static String text(List<JsonNode> events) {
        return events.stream().map(e -> e.path("delta").path("text").asString("")).reduce("", String::concat);
    }

    @Test
    void untaggedPromptsGetTheDefaultScript() throws Exception {
        HttpResponse<String> response = post("/v1/messages?beta=true", body("hello", 0));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("text/event-stream");
        List<JsonNode> events = events(response.body());
        assertThat(events.getFirst().path("message").path("model").asString()).isEqualTo("claude-test");
        assertThat(text(events)).isEqualTo("Hello from the fake Anthropic API.");
        assertThat(events.getLast().path("type").asString()).isEqualTo("message_stop");
    }

    @Test
    void turnIndexPicksTheReplyAndRequestsAreRecorded() throws Exception {
        api.script("two", Script.of(Reply.text("first"), Reply.text("second")));

        String second = post("/v1/messages?beta=true", body("[[script:two]] go", 1)).body();
        String first = post("/v1/messages?beta=true", body("[[script:two]] go", 0)).body();

        assertThat(text(events(first))).isEqualTo("first");
        assertThat(text(events(second))).isEqualTo("second");
        List<RecordedRequest> requests = api.messageRequests("two");
        assertThat(requests).extracting(RecordedRequest::turnIndex).containsExactly(1, 0);
        assertThat(requests.getFirst().query()).isEqualTo("beta=true");
        assertThat(requests.getFirst().texts("assistant")).containsExactly("a0");
        assertThat(requests.getFirst().messages()).hasSize(3);
    }

    @Test
    void unknownScriptsAndExhaustedScriptsAreBadRequests() throws Exception {
        api.script("one", Script.of(Reply.text("only")));

        HttpResponse<String> unknown = post("/v1/messages", body("[[script:nope]]", 0));
        HttpResponse<String> exhausted = post("/v1/messages", body("[[script:one]]", 1));

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Json.parse(unknown.body()).path("error").path("message").asString()).contains("nope");
        assertThat(exhausted.statusCode()).isEqualTo(400);
        assertThat(Json.parse(exhausted.body()).path("error").path("type").asString())
                .isEqualTo("invalid_request_error");
    }

    @Test
    void errorsUseTheAnthropicErrorBody() throws Exception {
        api.script("overloaded", Script.always(Reply.overloaded()));

        HttpResponse<String> response = post("/v1/messages", body("[[script:overloaded]]", 0));

        assertThat(response.statusCode()).isEqualTo(529);
        JsonNode error = Json.parse(response.body());
        assertThat(error.path("type").asString()).isEqualTo("error");
        assertThat(error.path("error").path("type").asString()).isEqualTo("overloaded_error");
        assertThat(error.path("error").path("message").asString()).isEqualTo("Overloaded");
    }

    @Test
    void countTokensAndOtherRequestsGetJson() throws Exception {
        HttpResponse<String> count = post("/v1/messages/count_tokens", body("count me", 0));
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/models")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(Json.parse(count.body()).path("input_tokens").asLong()).isPositive();
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).isEqualTo("{}");
        assertThat(api.requests()).extracting(RecordedRequest::method, RecordedRequest::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POST", "/v1/messages/count_tokens"),
                        org.assertj.core.groups.Tuple.tuple("GET", "/v1/models"));
        assertThat(api.messageRequests()).isEmpty();
    }

    @Test
    void hangStreamsTheStartAndFinishesWhenReleased() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        api.script("hang", Script.of(Reply.hang(release)));
        HttpResponse<InputStream> response = http.send(request("/v1/messages", body("[[script:hang]]", 0)),
                HttpResponse.BodyHandlers.ofInputStream());

        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), UTF_8))) {
            List<String> seen = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null && !line.contains("text_delta")) {
                seen.add(line);
            }
            assertThat(line).as("first delta before the hang").contains("Working on it");
            assertThat(String.join("\n", seen)).contains("message_start", "content_block_start");

            release.countDown();
            StringBuilder rest = new StringBuilder();
            while ((line = reader.readLine()) != null) {
                rest.append(line).append('\n');
            }
            assertThat(rest.toString()).contains("... done.", "message_stop");
        }
    }

    @Test
    void closingTheServerCutsAHangingStream() throws Exception {
        api.script("hang", Script.of(Reply.hang()));
        HttpResponse<InputStream> response = http.send(request("/v1/messages", body("[[script:hang]]", 0)),
                HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), UTF_8));
        String line;
        while ((line = reader.readLine()) != null && !line.contains("text_delta")) {
            // skip to the first delta: the stream is now hanging
        }

        api.close();

        StringBuilder rest = new StringBuilder();
        try (reader) {
            while ((line = reader.readLine()) != null) {
                rest.append(line);
            }
        } catch (IOException e) {
            // a reset connection is as good as a clean end here
        }
        assertThat(rest.toString()).doesNotContain("message_stop");
    }

    @Test
    void slowRepliesStillDeliverEveryChunk() throws Exception {
        api.script("slow", Script.of(Reply.slow(Duration.ofMillis(20), "a", "b", "c")));

        assertThat(text(events(post("/v1/messages", body("[[script:slow]]", 0)).body()))).isEqualTo("abc");
    }

    @Test
    void manyConcurrentSessionsEachGetTheirOwnScript() throws Exception {
        int sessions = 50;
        for (int i = 0; i < sessions; i++) {
            api.script("s" + i, Script.of(Reply.slow(Duration.ofMillis(5), "answer-", Integer.toString(i))));
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                String prompt = Script.tag("s" + i);
                answers.add(pool.submit(() -> text(events(post("/v1/messages", body(prompt, 0)).body()))));
            }
            for (int i = 0; i < sessions; i++) {
                assertThat(answers.get(i).get()).isEqualTo("answer-" + i);
            }
        }
        assertThat(api.messageRequests()).hasSize(sessions);
    }
}
