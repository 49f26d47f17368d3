package io.agentd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.daemon.session.stream.Transcripts;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeclaude.FakeClaude;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the wire shapes that hld's clients depend on (the {@code humanlayer} CLI, its MCP approvals server,
 * hld's Go client and desktop UIs), against the real daemon process running a fake claude. A failure here
 * means a client written for hld may break: change the daemon back, or, for a deliberate and documented
 * addition, update the expected shape here and in docs/protocol.md.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WireCompatibilityIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Go's RFC3339Nano as agentd writes it: UTC, fraction without trailing zeros, none when whole. */
    private static final Pattern RFC3339_NANO = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{0,8}[1-9])?Z");
    /** Go's RFC3339: whole seconds. */
    private static final Pattern RFC3339 = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    private static final Pattern SUBSCRIPTION_ID = Pattern.compile("\\d{14}-[0-9a-f]{16}");
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "interrupted");
    /** How long the fake claude runs before its result: long enough to act on a running session. */
    private static final Duration RUNNING = Duration.ofSeconds(3);

    private static Path dir;
    private static Path work;
    private static DaemonProcess daemon;
    /** A session that ran the recorded Read transcript to completion. */
    private static String completed;

    @BeforeAll
    static void startDaemon() throws Exception {
        dir = DaemonProcess.tempDir();
        work = Files.createDirectories(dir.resolve("work"));
        List<String> transcript = transcript("read_file.jsonl");
        FakeClaude fake = FakeClaude.builder()
                .stdout(transcript.subList(0, transcript.size() - 1))
                .sleep(RUNNING)
                .stdout(transcript.getLast())
                .writeTo(dir.resolve("fake"));
        daemon = DaemonProcess.start(dir, List.of("--heartbeat", "300ms"),
                Map.of("HUMANLAYER_CLAUDE_PATH", fake.executable().toString()));
        daemon.awaitReady(Duration.ofSeconds(30));
        completed = launch("read the file");
        awaitStatus(completed, TERMINAL);
    }

    @AfterAll
    static void stopDaemon() {
        if (daemon != null) {
            daemon.close();
        }
    }

    // ---- envelope ---------------------------------------------------------------------------------------

    @Test
    void healthIsOkWithAVersion() throws IOException {
        JsonNode health = result("health", null);
        assertThat(health.path("status").asString()).isEqualTo("ok");
        assertThat(health.path("version").isString()).isTrue();
        assertThat(health.path("version").asString()).isNotBlank();
        assertThat(keys(health)).containsExactlyInAnyOrder("status", "version", "uptime_ms", "active_sessions", "claude",
                "store", "approvals_server", "jobs");
        assertThat(health.path("store").toString()).isEqualTo("{\"ok\":true}");
        assertThat(health.path("jobs").toString()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void idsAreEchoedWithTheirJsonType() throws IOException {
        try (LineClient client = daemon.client()) {
            JsonNode string = raw(client, "{\"jsonrpc\":\"2.0\",\"method\":\"health\",\"id\":\"abc\"}");
            assertThat(string.get("id").isString()).isTrue();
            assertThat(string.get("id").asString()).isEqualTo("abc");

            JsonNode number = raw(client, "{\"jsonrpc\":\"2.0\",\"method\":\"health\",\"id\":7}");
            assertThat(number.get("id").isIntegralNumber()).isTrue();
            assertThat(number.get("id").asInt()).isEqualTo(7);

            JsonNode absent = raw(client, "{\"jsonrpc\":\"2.0\",\"method\":\"health\"}");
            assertThat(absent.has("id")).as("a request without id is answered with \"id\":null").isTrue();
            assertThat(absent.get("id").isNull()).isTrue();
            assertThat(absent.path("result").path("status").asString()).isEqualTo("ok");
        }
    }

    @Test
    void responsesCarryExactlyJsonrpcResultOrErrorAndId() throws IOException {
        try (LineClient client = daemon.client()) {
            JsonNode ok = raw(client, "{\"jsonrpc\":\"2.0\",\"method\":\"health\",\"id\":1}");
            assertThat(keys(ok)).containsExactlyInAnyOrder("jsonrpc", "result", "id");
            assertThat(ok.get("jsonrpc").asString()).isEqualTo("2.0");

            JsonNode error = raw(client, "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":2}");
            assertThat(keys(error)).containsExactlyInAnyOrder("jsonrpc", "error", "id");
            assertThat(keys(error.get("error"))).containsExactlyInAnyOrder("code", "message");
        }
    }

    @Test
    void errorTextsAreTheOnesHlyrShows() throws IOException {
        try (LineClient client = daemon.client()) {
            assertError(raw(client, "{\"jsonrpc\":\"2.0\",\"method\":\"noSuchMethod\",\"id\":1}"),
                    -32601, "Method not found: noSuchMethod", 1);
            assertError(raw(client, "{\"jsonrpc\":\"2.0\",\"method\":"), -32700, "Parse error", null);
            assertError(raw(client, "{\"jsonrpc\":\"1.0\",\"method\":\"health\",\"id\":3}"),
                    -32600, "Invalid request: must be JSON-RPC 2.0", 3);
            // The connection survives all of these.
            assertThat(raw(client, "{\"jsonrpc\":\"2.0\",\"method\":\"health\",\"id\":4}").path("result")
                    .path("status").asString()).isEqualTo("ok");
        }
    }

    @Test
    void handlerErrorsAreInternalErrorsWithHldsMessagesAndBadParamsAreInvalidParams() throws IOException {
        try (LineClient client = daemon.client()) {
            assertError(client.call("getSessionState", Map.of("session_id", "nope")), -32603,
                    "failed to get session: session not found: nope", null);
            assertError(client.call("getApproval", Map.of("approval_id", "nope")), -32603,
                    "failed to get approval: failed to get approval: approval not found: nope", null);
            assertError(client.call("launchSession", Map.of()), -32602, "query is required", null);
            assertError(client.call("sendDecision", Map.of("approval_id", "a", "decision", "deny")), -32602,
                    "comment is required for denial", null);
        }
    }

    @Test
    void scalarsOfTheWrongJsonTypeAreRefusedAsHldsGoDecoderRefusesThem() throws IOException {
        try (LineClient client = daemon.client()) {
            assertError(client.call("launchSession", Map.of("query", 7)), -32602, "invalid params: query: expected string", null);
            assertError(client.call("launchSession", Map.of("query", "q", "max_turns", "3")), -32602,
                    "invalid params: max_turns: expected integer", null);
            assertError(client.call("launchSession", Map.of("query", "q", "max_turns", 2.5)), -32602,
                    "invalid params: max_turns: expected integer", null);
            assertError(client.call("archiveSession", Map.of("session_id", "s", "archived", "true")), -32602,
                    "invalid params: archived: expected boolean", null);
            assertError(client.call("getSessionState", Map.of("session_id", true)), -32602,
                    "invalid params: session_id: expected string", null);
        }
    }

    // ---- sessions ---------------------------------------------------------------------------------------

    @Test
    void launchSessionAcceptsWhatHlyrSendsAndAnswersSessionAndRunIds() throws IOException {
        // humanlayer launch: undefined keys left out, mcp_config never sent, the timeout in ms.
        Map<String, Object> params = new HashMap<>();
        params.put("query", "hello from hlyr");
        params.put("title", "hlyr");
        params.put("model", "sonnet");
        params.put("working_dir", work.toString());
        params.put("additional_directories", List.of());
        params.put("permission_prompt_tool", "mcp__codelayer__request_permission");
        params.put("dangerously_skip_permissions", false);
        params.put("dangerously_skip_permissions_timeout", 15 * 60_000);
        JsonNode launched = result("launchSession", params);

        assertThat(keys(launched)).containsExactlyInAnyOrder("session_id", "run_id");
        assertThat(launched.get("session_id").asString()).isNotBlank();
        assertThat(launched.get("run_id").asString()).isNotBlank().isNotEqualTo(launched.get("session_id").asString());
    }

    @Test
    void infoOfAStoredSessionHasHldsFieldsAndRfc3339NanoTimes() throws IOException {
        JsonNode sessions = result("listSessions", null).get("sessions");
        assertThat(sessions.isArray()).isTrue();
        JsonNode info = find(sessions, completed);
        assertThat(keys(info)).containsExactlyInAnyOrder(
                // hld's Info (optional fields present because the session has them)
                "id", "run_id", "claude_session_id", "status", "start_time", "end_time", "last_activity_at", "query",
                "summary", "title", "model", "model_id", "working_dir", "result", "auto_accept_edits",
                "dangerously_skip_permissions", "archived", "proxy_enabled",
                // agentd's additions
                "input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens",
                "effective_context_tokens", "context_window", "cost_usd");
        assertThat(info.has("proxy_api_key")).as("the proxy key is never sent").isFalse();
        assertThat(info.get("status").asString()).isEqualTo("completed");
        assertThat(keys(info.get("result"))).containsExactlyInAnyOrder("type", "subtype", "total_cost_usd", "is_error",
                "duration_ms", "duration_api_ms", "num_turns", "result", "session_id");
        assertThat(info.get("result").get("type").asString()).isEqualTo("result");
        assertThat(info.get("result").get("subtype").asString()).isEqualTo("session_completed");
        for (String time : List.of("start_time", "end_time", "last_activity_at")) {
            assertThat(info.get(time).asString()).as(time).matches(RFC3339_NANO);
        }

        JsonNode leaves = result("getSessionLeaves", Map.of("filter", "normal")).get("sessions");
        assertThat(keys(find(leaves, completed))).isEqualTo(keys(info));
        assertThat(result("getSessionLeaves", Map.of("filter", "draft")).get("sessions").isArray())
                .as("an empty list is [], never null").isTrue();
    }

    @Test
    void sessionStateOfAStoredSessionHasHldsFieldsAndRfc3339Times() throws IOException {
        JsonNode state = result("getSessionState", Map.of("session_id", completed)).get("session");
        assertThat(keys(state)).containsExactlyInAnyOrder(
                // hld's SessionState (zero-valued optional fields are omitted, as Go's omitempty does)
                "id", "run_id", "claude_session_id", "status", "query", "summary", "title", "model", "model_id",
                "working_dir", "created_at", "last_activity_at", "completed_at", "cost_usd", "input_tokens",
                "output_tokens", "effective_context_tokens", "context_limit", "duration_ms", "auto_accept_edits",
                "dangerously_skip_permissions", "archived",
                // agentd's additions
                "context_window", "duration_api_ms", "num_turns", "result", "permission_denials");
        assertThat(state.get("permission_denials").isArray()).as("always sent, [] when none").isTrue();
        for (String time : List.of("created_at", "last_activity_at", "completed_at")) {
            assertThat(state.get(time).asString()).as(time).matches(RFC3339);
        }
        assertThat(state.get("context_limit").isIntegralNumber()).isTrue();
    }

    @Test
    void conversationEventsHaveHldsFieldsAndRfc3339Times() throws IOException {
        JsonNode events = result("getConversation", Map.of("session_id", completed)).get("events");
        assertThat(events.isArray()).isTrue();
        Set<String> common = Set.of("id", "session_id", "claude_session_id", "sequence", "event_type", "created_at",
                "is_completed");
        JsonNode query = events.get(0);
        assertThat(query.get("sequence").asLong()).isEqualTo(1);
        assertThat(keys(query)).isEqualTo(union(common, "role", "content"));
        assertThat(query.get("role").asString()).isEqualTo("user");
        assertThat(query.get("content").asString()).isEqualTo("read the file");

        JsonNode call = first(events, e -> e.path("event_type").asString().equals("tool_call"));
        assertThat(keys(call)).isEqualTo(union(common, "tool_id", "tool_name", "tool_input_json"));
        assertThat(call.get("tool_input_json").isString()).as("tool_input_json is a JSON string").isTrue();
        assertThat(call.get("is_completed").asBoolean()).isTrue();

        JsonNode toolResult = first(events, e -> e.path("event_type").asString().equals("tool_result"));
        assertThat(keys(toolResult)).isEqualTo(union(common, "role", "tool_result_for_id", "tool_result_content"));
        assertThat(toolResult.get("tool_result_for_id").asString()).isEqualTo(call.get("tool_id").asString());

        for (JsonNode e : events) {
            assertThat(e.get("created_at").asString()).matches(RFC3339);
        }
        assertThat(result("getConversation", Map.of("claude_session_id", "unknown")).get("events").isArray())
                .as("an empty list is [], never null").isTrue();
    }

    @Test
    void agentdsPagingParamsKeepTheConversationsShape() throws IOException {
        JsonNode whole = result("getConversation", Map.of("session_id", completed));
        JsonNode events = whole.get("events");
        assertThat(events.size()).isGreaterThan(2);

        JsonNode first = result("getConversation", Map.of("session_id", completed, "limit", 2));
        JsonNode rest = result("getConversation", Map.of("session_id", completed,
                "after_id", events.get(1).get("id").asLong()));

        assertThat(keys(first)).isEqualTo(keys(whole));
        assertThat(first.get("events")).containsExactly(events.get(0), events.get(1));
        List<JsonNode> tail = new ArrayList<>();
        events.forEach(tail::add);
        assertThat(rest.get("events")).containsExactlyElementsOf(tail.subList(2, tail.size()));
    }

    @Test
    void snapshotsAndRecentPathsHaveHldsFields() throws IOException {
        JsonNode snapshots = result("getSessionSnapshots", Map.of("session_id", completed)).get("snapshots");
        assertThat(snapshots.isArray()).isTrue();
        assertThat(keys(snapshots.get(0))).containsExactlyInAnyOrder("tool_id", "file_path", "content", "created_at");
        assertThat(snapshots.get(0).get("created_at").asString()).matches(RFC3339);

        JsonNode paths = result("getRecentPaths", Map.of()).get("paths");
        assertThat(keys(first(paths, p -> p.path("path").asString().equals(work.toString()))))
                .containsExactlyInAnyOrder("path", "last_used", "usage_count");
    }

    @Test
    void continueAndInterruptAnswerHldsShapes() throws Exception {
        JsonNode continued = result("continueSession", Map.of("session_id", completed, "query", "go on"));
        assertThat(keys(continued)).containsExactlyInAnyOrder("session_id", "run_id", "claude_session_id",
                "parent_session_id");
        assertThat(continued.get("claude_session_id").asString()).isEmpty();
        assertThat(continued.get("parent_session_id").asString()).isEqualTo(completed);

        String child = continued.get("session_id").asString();
        awaitStatus(child, Set.of("running"));
        JsonNode interrupted = result("interruptSession", Map.of("session_id", child));
        assertThat(interrupted.toString()).isEqualTo(
                "{\"success\":true,\"session_id\":\"" + child + "\",\"status\":\"interrupting\"}");
    }

    @Test
    void userEditsAnswerSuccess() throws IOException {
        String id = launch("edits");
        assertThat(result("updateSessionTitle", Map.of("session_id", id, "title", "t")).toString())
                .isEqualTo("{\"success\":true}");
        assertThat(result("updateSessionSettings", Map.of("session_id", id, "auto_accept_edits", false)).toString())
                .isEqualTo("{\"success\":true}");
        assertThat(result("archiveSession", Map.of("session_id", id, "archived", false)).toString())
                .isEqualTo("{\"success\":true}");
        assertThat(result("bulkArchiveSessions", Map.of("session_ids", List.of(id), "archived", false)).toString())
                .isEqualTo("{\"success\":true}");
    }

    // ---- approvals --------------------------------------------------------------------------------------

    @Test
    void theApprovalRoundTripHlyrsMcpServerMakes() throws Exception {
        String session = launch("needs approvals");
        awaitStatus(session, Set.of("running"));

        // mcp.ts sends the session id as run_id, together with tool_use_id.
        JsonNode created = result("createApproval", Map.of("run_id", session, "tool_name", "Bash",
                "tool_input", Map.of("command", "make"), "tool_use_id", "toolu_wire_1"));
        assertThat(keys(created)).containsExactly("approval_id");
        String id = created.get("approval_id").asString();
        assertThat(id).startsWith("local-");

        JsonNode pending = result("getApproval", Map.of("approval_id", id)).get("approval");
        assertThat(keys(pending)).containsExactlyInAnyOrder("id", "run_id", "session_id", "tool_use_id", "status",
                "created_at", "tool_name", "tool_input");
        assertThat(pending.get("status").asString()).isEqualTo("pending");
        assertThat(pending.get("session_id").asString()).isEqualTo(session);
        assertThat(pending.get("tool_input").isObject()).as("tool_input is the JSON as sent").isTrue();
        assertThat(pending.get("created_at").asString()).matches(RFC3339_NANO);

        JsonNode fetched = result("fetchApprovals", Map.of("session_id", session)).get("approvals");
        assertThat(fetched.isArray()).isTrue();
        assertThat(fetched.findValuesAsString("id")).containsExactly(id);

        assertThat(result("sendDecision", Map.of("approval_id", id, "decision", "approve")).toString())
                .isEqualTo("{\"success\":true}");
        JsonNode approved = result("getApproval", Map.of("approval_id", id)).get("approval");
        assertThat(approved.get("status").asString()).isEqualTo("approved");
        assertThat(keys(approved)).containsExactlyInAnyOrder("id", "run_id", "session_id", "tool_use_id", "status",
                "created_at", "responded_at", "tool_name", "tool_input", "decided_by");

        JsonNode again = result("sendDecision", Map.of("approval_id", id, "decision", "deny", "comment", "no"));
        assertThat(keys(again)).containsExactlyInAnyOrder("success", "error");
        assertThat(again.get("success").asBoolean()).isFalse();
        assertThat(again.get("error").asString())
                .isEqualTo("failed to update approval: approval " + id + " already decided with status: approved");

        String denied = result("createApproval", Map.of("run_id", session, "tool_name", "Bash",
                "tool_input", Map.of("command", "rm -rf /"), "tool_use_id", "toolu_wire_2")).get("approval_id").asString();
        assertThat(result("sendDecision", Map.of("approval_id", denied, "decision", "deny", "comment", "no")).toString())
                .isEqualTo("{\"success\":true}");
        JsonNode deniedApproval = result("getApproval", Map.of("approval_id", denied)).get("approval");
        assertThat(deniedApproval.get("status").asString()).isEqualTo("denied");
        assertThat(deniedApproval.get("comment").asString()).isEqualTo("no");

        JsonNode none = result("fetchApprovals", Map.of("session_id", session)).get("approvals");
        assertThat(none.isArray()).as("no pending approvals is [], never null").isTrue();
        assertThat(none).isEmpty();
        assertThat(result("fetchApprovals", Map.of()).get("approvals").isArray()).isTrue();
    }

    // ---- Subscribe --------------------------------------------------------------------------------------

    @Test
    void subscribeConfirmsWithIdNullThenStreamsEventsInHldsEnvelope() throws Exception {
        try (LineClient sub = daemon.client()) {
            sub.send("{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"params\":{\"event_types\":"
                    + "[\"session_status_changed\",\"conversation_updated\",\"new_approval\",\"approval_resolved\"]},"
                    + "\"id\":42}");
            JsonNode confirmation = JSON.readTree(sub.readLine());
            assertThat(keys(confirmation)).containsExactlyInAnyOrder("jsonrpc", "result", "id");
            assertThat(confirmation.get("id").isNull()).as("the confirmation's id is always null").isTrue();
            JsonNode confirmed = confirmation.get("result");
            assertThat(keys(confirmed)).containsExactlyInAnyOrder("subscription_id", "message", "last_seq");
            assertThat(confirmed.get("subscription_id").asString()).matches(SUBSCRIPTION_ID);
            assertThat(confirmed.get("message").asString()).isEqualTo("Subscription established. Waiting for events...");

            String session = launch("watched");
            JsonNode running = awaitEvent(sub, "session_status_changed",
                    d -> d.path("session_id").asString().equals(session) && d.path("new_status").asString().equals("running"));
            assertThat(keys(running.get("data"))).containsExactlyInAnyOrder("session_id", "run_id", "old_status", "new_status");
            assertThat(running.get("data").get("old_status").asString()).isEqualTo("starting");

            JsonNode message = awaitEvent(sub, "conversation_updated",
                    d -> d.path("session_id").asString().equals(session) && d.path("role").asString().equals("assistant"));
            assertThat(keys(message.get("data"))).containsExactlyInAnyOrder("session_id", "run_id", "claude_session_id",
                    "parent_tool_use_id", "event_type", "sequence", "role", "content", "content_type");
            assertThat(message.get("data").get("content_type").asString()).isEqualTo("text");

            String approval = result("createApproval", Map.of("run_id", session, "tool_name", "Bash",
                    "tool_input", Map.of("command", "ls"), "tool_use_id", "toolu_sub")).get("approval_id").asString();
            JsonNode created = awaitEvent(sub, "new_approval", d -> d.path("approval_id").asString().equals(approval));
            assertThat(keys(created.get("data"))).containsExactlyInAnyOrder("approval_id", "session_id", "run_id", "tool_name");
            result("sendDecision", Map.of("approval_id", approval, "decision", "approve"));
            JsonNode resolved = awaitEvent(sub, "approval_resolved", d -> d.path("approval_id").asString().equals(approval));
            assertThat(keys(resolved.get("data"))).containsExactlyInAnyOrder("approval_id", "session_id", "run_id",
                    "approved", "response_text", "tool_use_id", "status", "decided_by");
            assertThat(resolved.get("data").get("approved").asBoolean()).isTrue();
        }
    }

    @Test
    void aQuietSubscriptionGetsHldsHeartbeat() throws IOException {
        try (LineClient sub = daemon.client()) {
            sub.send("{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"params\":{\"session_id\":\"nobody\"},\"id\":1}");
            assertThat(JSON.readTree(sub.readLine()).path("result").has("subscription_id")).isTrue();
            // The daemon runs with --heartbeat 300ms; hld's (and agentd's default) silence is 30 s.
            assertThat(sub.readLine())
                    .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"type\":\"heartbeat\",\"message\":\"Connection alive\"},\"id\":null}");
        }
    }

    @Test
    void badSubscribeParamsAreRefusedWithIdNullAndTheConnectionCloses() throws IOException {
        try (LineClient sub = daemon.client()) {
            sub.send("{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"params\":{\"event_types\":\"x\"},\"id\":5}");
            JsonNode refusal = JSON.readTree(sub.readLine());
            assertThat(refusal.get("id").isNull()).isTrue();
            assertThat(refusal.get("error").get("code").asInt()).isEqualTo(-32602);
            assertThat(refusal.get("error").get("message").asString()).startsWith("invalid request: ");
            org.assertj.core.api.Assertions.assertThatThrownBy(sub::readLine).isInstanceOf(IOException.class);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** Reads event lines until one of {@code type} whose data matches; checks the envelope of each line. */
    private static JsonNode awaitEvent(LineClient sub, String type, Predicate<JsonNode> data) throws IOException {
        while (true) {
            String line = sub.readLine();
            JsonNode envelope = JSON.readTree(line);
            assertThat(keys(envelope)).as(line).containsExactlyInAnyOrder("jsonrpc", "result", "id");
            assertThat(envelope.get("id").isNull()).as(line).isTrue();
            JsonNode result = envelope.get("result");
            if ("heartbeat".equals(result.path("type").asString())) {
                continue;
            }
            assertThat(keys(result)).as(line).containsExactly("event");
            JsonNode event = result.get("event");
            assertThat(keys(event)).as(line).containsExactlyInAnyOrder("type", "timestamp", "seq", "data");
            assertThat(event.get("timestamp").asString()).as(line)
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z");
            assertThat(event.get("data").path("run_id").isString()).as("run_id on every event: " + line).isTrue();
            if (event.get("type").asString().equals(type) && data.test(event.get("data"))) {
                return event;
            }
        }
    }

    private static String launch(String query) throws IOException {
        return result("launchSession", Map.of("query", query, "working_dir", work.toString(), "title", "wire",
                "model", "sonnet")).get("session_id").asString();
    }

    private static JsonNode awaitStatus(String id, Set<String> statuses) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode session = null;
        while (System.nanoTime() < deadline) {
            session = result("getSessionState", Map.of("session_id", id)).get("session");
            if (statuses.contains(session.path("status").asString())) {
                return session;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("session " + id + " not in " + statuses + ": " + session + "\n" + daemon.stderr());
    }

    private static JsonNode result(String method, Object params) throws IOException {
        try (LineClient client = daemon.client()) {
            return client.result(method, params);
        }
    }

    private static JsonNode raw(LineClient client, String line) throws IOException {
        client.send(line);
        return JSON.readTree(client.readLine());
    }

    private static void assertError(JsonNode response, int code, String message, Integer id) {
        assertThat(response.has("result")).as(response.toString()).isFalse();
        assertThat(response.get("error").get("code").asInt()).as(response.toString()).isEqualTo(code);
        assertThat(response.get("error").get("message").asString()).isEqualTo(message);
        if (id == null && !response.get("id").isNull()) {
            return; // LineClient.call picks its own numeric id
        }
        if (id == null) {
            assertThat(response.get("id").isNull()).isTrue();
        } else {
            assertThat(response.get("id").asInt()).isEqualTo(id);
        }
    }

    private static JsonNode find(JsonNode sessions, String id) {
        return first(sessions, s -> s.path("id").asString().equals(id));
    }

    private static JsonNode first(JsonNode array, Predicate<JsonNode> predicate) {
        for (JsonNode node : array) {
            if (predicate.test(node)) {
                return node;
            }
        }
        throw new AssertionError("no match in " + array);
    }

    private static Set<String> keys(JsonNode node) {
        return new TreeSet<>(node.propertyNames());
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new TreeSet<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private static List<String> transcript(String name) {
        try {
            return new ArrayList<>(Files.readAllLines(Transcripts.dir().resolve(name)).stream()
                    .filter(l -> !l.isBlank()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
