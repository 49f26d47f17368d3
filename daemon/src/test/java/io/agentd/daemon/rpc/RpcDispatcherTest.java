package io.agentd.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.daemon.json.JsonMappers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RpcDispatcherTest {
    private static final RequestContext CONTEXT = RequestContext.of("c1");
    private RpcDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        MethodRegistry registry = TestMethods.basic();
        registry.registerStreaming("Subscribe", TestMethods.SubscribeParams.class, (p, c) -> { });
        dispatcher = new RpcDispatcher(registry, JsonMappers.daemon());
    }

    private DispatchOutcome dispatch(String line) {
        // Surround the line with other bytes: the dispatcher must honour offset and length.
        byte[] bytes = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
        return dispatcher.dispatch(bytes, 2, bytes.length - 4, CONTEXT);
    }

    /** The line the connection writes for a single request or a batch (a result as the connection streams it). */
    private String answer(String line) {
        return switch (dispatch(line)) {
            case DispatchOutcome.Reply reply -> new String(reply.json(), StandardCharsets.UTF_8);
            case DispatchOutcome.Result result -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                new ResultWriter(JsonMappers.daemon()).write(result, out);
                yield out.toString(StandardCharsets.UTF_8);
            }
            case DispatchOutcome.Batch batch -> written(batch);
            case DispatchOutcome other -> throw new AssertionError("not an answer: " + other);
        };
    }

    /** A batch's answer as the connection writes it (without the newline); empty when nothing is written. */
    private static String written(DispatchOutcome.Batch batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ResponseOutput output = new ResponseOutput(Channels.newChannel(out));
            assertThat(new BatchWriter(JsonMappers.daemon(), new ResultWriter(JsonMappers.daemon()))
                    .write(batch, output)).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String line = out.toString(StandardCharsets.UTF_8);
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    @Test
    void answersWithResultEnvelope() {
        assertThat(answer("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"text\":\"hi\"},\"id\":1}"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"text\":\"hi\"},\"id\":1}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1\"", "1", "0", "-7", "12345678901234567890123456789", "1.50", "2.5e3", "null", "\"\""})
    void echoesIdWithItsJsonType(String id) {
        assertThat(answer("{\"jsonrpc\":\"2.0\",\"method\":\"none\",\"id\":" + id + "}"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"ok\",\"id\":" + id.replace("2.5e3", "2.5E+3") + "}");
    }

    @Test
    void answersRequestWithoutIdWithNullId() {
        assertThat(answer("{\"jsonrpc\":\"2.0\",\"method\":\"none\"}"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"ok\",\"id\":null}");
    }

    @Test
    void writesNullResultExplicitly() {
        assertThat(answer("{\"jsonrpc\":\"2.0\",\"method\":\"null_result\",\"id\":3}"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":3}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"jsonrpc\":", "not json", "{\"jsonrpc\":\"2.0\"} {}", "{'a':1}", "[1,"})
    void reportsParseErrorWithNullId(String line) {
        assertThat(answer(line)).isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"method\":\"none\",\"id\":1}|Invalid request: must be JSON-RPC 2.0|1",
        "{\"jsonrpc\":\"1.0\",\"method\":\"none\",\"id\":\"a\"}|Invalid request: must be JSON-RPC 2.0|\"a\"",
        "{\"jsonrpc\":2.0,\"method\":\"none\",\"id\":1}|Invalid request: must be JSON-RPC 2.0|1",
        "{\"jsonrpc\":\"2.0\",\"id\":1}|Invalid request: method must be a string|1",
        "{\"jsonrpc\":\"2.0\",\"method\":7,\"id\":1}|Invalid request: method must be a string|1",
        "{\"jsonrpc\":\"2.0\",\"method\":\"none\",\"id\":{}}|Invalid request: id must be a string, number or null|null",
        "{\"jsonrpc\":\"2.0\",\"method\":\"none\",\"id\":[1]}|Invalid request: id must be a string, number or null|null",
        "{\"jsonrpc\":\"2.0\",\"method\":\"none\",\"id\":true}|Invalid request: id must be a string, number or null|null",
        "42|Invalid request: expected a JSON object|null",
        "\"x\"|Invalid request: expected a JSON object|null",
        "null|Invalid request: expected a JSON object|null",
    })
    void refusesInvalidRequests(String line, String message, String id) {
        assertThat(answer(line)).isEqualTo(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"" + message + "\"},\"id\":" + id + "}");
    }

    @Test
    void namesUnknownMethod() {
        assertThat(answer("{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":9}"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found: nope\"},\"id\":9}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}|query is required",
        "null|query is required",
        "{\"query\":\"\"}|query is required",
        "{\"query\":\"q\",\"max_turns\":\"x\"}|invalid params: max_turns: expected integer",
        "{\"query\":\"q\",\"max_turns\":true}|invalid params: max_turns: expected integer",
        "{\"query\":\"q\",\"tools\":\"Bash\"}|invalid params: tools: expected array",
        "{\"query\":\"q\",\"tools\":[\"ok\",{}]}|invalid params: tools[1]: expected string",
        "{\"query\":{}}|invalid params: query: expected string",
        "{\"query\":7}|invalid params: query: expected string",
        "{\"query\":1.5}|invalid params: query: expected string",
        "{\"query\":true}|invalid params: query: expected string",
        "{\"query\":\"q\",\"max_turns\":\"10\"}|invalid params: max_turns: expected integer",
        "{\"query\":\"q\",\"max_turns\":\"\"}|invalid params: max_turns: expected integer",
        "{\"query\":\"q\",\"max_turns\":1.5}|invalid params: max_turns: expected integer",
        "{\"query\":\"q\",\"max_turns\":10.0}|invalid params: max_turns: expected integer",
        "{\"query\":\"q\",\"timeout_ms\":\"5\"}|invalid params: timeout_ms: expected integer",
        "{\"query\":\"q\",\"timeout_ms\":5e3}|invalid params: timeout_ms: expected integer",
        "{\"query\":\"q\",\"archived\":\"true\"}|invalid params: archived: expected boolean",
        "{\"query\":\"q\",\"archived\":1}|invalid params: archived: expected boolean",
        "{\"query\":\"q\",\"auto_accept\":0}|invalid params: auto_accept: expected boolean",
        "{\"query\":\"q\",\"auto_accept\":\"false\"}|invalid params: auto_accept: expected boolean",
        "{\"query\":\"q\",\"budget\":\"1.5\"}|invalid params: budget: expected number",
        "{\"query\":\"q\",\"budget\":true}|invalid params: budget: expected number",
        "{\"query\":\"q\",\"tools\":[\"ok\",5]}|invalid params: tools[1]: expected string",
        "[1,2]|params must be an object",
        "\"q\"|params must be an object",
    })
    void refusesBadParamsNamingTheField(String params, String message) {
        assertThat(answer("{\"jsonrpc\":\"2.0\",\"method\":\"launch\",\"params\":" + params + ",\"id\":1}"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"" + message + "\"},\"id\":1}");
    }

    @Test
    void refusesAbsentParamsThroughTheRecordCheck() {
        assertThat(answer("{\"jsonrpc\":\"2.0\",\"method\":\"launch\",\"id\":1}"))
                .contains("\"code\":-32602,\"message\":\"query is required\"");
    }

    @Test
    void bindsSnakeCaseParamsAndIgnoresUnknownOnes() {
        assertThat(answer("{\"jsonrpc\":\"2.0\",\"method\":\"launch\",\"params\":{\"query\":\"q\",\"max_turns\":3,\"extra\":{}},\"id\":1}"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"query\":\"q\",\"max_turns\":3,\"timeout_ms\":0,"
                        + "\"auto_accept\":false},\"id\":1}");
    }

    @Test
    void bindsEachScalarFromItsOwnJsonTypeAndNullsAndIntegersAsGoDoes() {
        assertThat(answer("{\"jsonrpc\":\"2.0\",\"method\":\"launch\",\"params\":{\"query\":\"q\",\"max_turns\":null,"
                + "\"archived\":false,\"timeout_ms\":null,\"auto_accept\":true,\"budget\":2,\"tools\":[\"a\",null]},\"id\":1}"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"query\":\"q\",\"tools\":[\"a\",null],\"archived\":false,"
                        + "\"timeout_ms\":0,\"auto_accept\":true,\"budget\":2.0},\"id\":1}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"params\":null", ",\"params\":{}", ",\"params\":{\"x\":1}"})
    void acceptsAbsentNullOrEmptyParamsForNoParamsMethod(String params) {
        assertThat(answer("{\"jsonrpc\":\"2.0\",\"method\":\"none\"" + params + ",\"id\":1}"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"ok\",\"id\":1}");
    }

    @Test
    void mapsDomainAndUnexpectedErrorsWithoutStackTraces() {
        assertThat(answer("{\"jsonrpc\":\"2.0\",\"method\":\"not_found\",\"id\":1}"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"session not found: s1\"},\"id\":1}");
        assertThat(answer("{\"jsonrpc\":\"2.0\",\"method\":\"boom\",\"id\":2}"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"kaboom\"},\"id\":2}");
        assertThat(answer("{\"jsonrpc\":\"2.0\",\"method\":\"rpc_fail\",\"id\":3}"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"custom refusal\"},\"id\":3}");
    }

    @Test
    void passesRequestContextToHandler() {
        assertThat(answer("{\"jsonrpc\":\"2.0\",\"method\":\"context\",\"id\":1}")).contains("\"result\":\"c1\"");
    }

    @Test
    void answersBatchInOrderSkippingNotifications() {
        String batch = "[{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"text\":\"a\"},\"id\":1},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"text\":\"n\"}},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"nope\"},"
                + "5,"
                + "{\"foo\":\"bar\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":\"2\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"id\":3}]";
        assertThat(answer(batch)).isEqualTo("["
                + "{\"jsonrpc\":\"2.0\",\"result\":{\"text\":\"a\"},\"id\":1},"
                + "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid request: expected a JSON object\"},\"id\":null},"
                + "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid request: must be JSON-RPC 2.0\"},\"id\":null},"
                + "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found: nope\"},\"id\":\"2\"},"
                + "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid request: streaming method Subscribe cannot be called in a batch\"},\"id\":3}"
                + "]");
    }

    @Test
    void runsNotificationsInBatchButWritesNothing() {
        MethodRegistry registry = new MethodRegistry();
        List<String> seen = new CopyOnWriteArrayList<>();
        registry.register("note", TestMethods.EchoParams.class, (p, c) -> seen.add(p.text()));
        RpcDispatcher notes = new RpcDispatcher(registry, JsonMappers.daemon());
        byte[] line = ("[{\"jsonrpc\":\"2.0\",\"method\":\"note\",\"params\":{\"text\":\"a\"}},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"note\",\"params\":{\"text\":\"b\"}}]").getBytes(StandardCharsets.UTF_8);
        DispatchOutcome outcome = notes.dispatch(line, 0, line.length, CONTEXT);
        assertThat(outcome).isInstanceOf(DispatchOutcome.Batch.class);
        assertThat(written((DispatchOutcome.Batch) outcome)).isEmpty();
        assertThat(seen).containsExactly("a", "b");
    }

    @Test
    void refusesEmptyBatchWithOneError() {
        assertThat(answer("[]"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid request: empty batch\"},\"id\":null}");
    }

    @Test
    void answersEachNonObjectBatchElement() {
        assertThat(answer("[1,\"a\"]")).isEqualTo("["
                + "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid request: expected a JSON object\"},\"id\":null},"
                + "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid request: expected a JSON object\"},\"id\":null}]");
    }

    @Test
    void handsStreamingMethodTheConnection() {
        DispatchOutcome outcome = dispatch("{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"params\":{\"event_types\":[\"a\"]},\"id\":1}");
        assertThat(outcome).isInstanceOfSatisfying(DispatchOutcome.Stream.class,
                stream -> assertThat(stream.method()).isEqualTo("Subscribe"));
    }

    @Test
    void refusesStreamingParamsLikeHldAndCloses() {
        DispatchOutcome outcome = dispatch("{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"params\":{\"event_types\":\"x\"},\"id\":1}");
        assertThat(outcome).isInstanceOfSatisfying(DispatchOutcome.ReplyAndClose.class,
                reply -> assertThat(new String(reply.json(), StandardCharsets.UTF_8)).isEqualTo(
                        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"invalid request: event_types: expected array\"},\"id\":null}"));
    }
}
