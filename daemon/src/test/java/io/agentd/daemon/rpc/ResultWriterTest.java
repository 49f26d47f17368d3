package io.agentd.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.daemon.json.JsonMappers;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/** Results are now written straight from their objects; the bytes must be those of the envelope tree as before. */
class ResultWriterTest {
    private static final JsonMapper MAPPER = JsonMappers.daemon();

    record Nested(String name, Double cost, List<String> tags) {
    }

    record Shape(long id, String text, Long absent, boolean flag, double ratio, Nested nested, Map<String, Object> map,
                 int[] numbers) {
    }

    static Stream<Object> results() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", null);
        map.put("c", List.of("x", "y"));
        return Stream.of("ok", 42, 1.5e-7, 0.00168, 12345678901234L, true, List.of(), Map.of(),
                new BigDecimal("1.50"), "quote \" backslash \\ newline \n tab \t control \u0001 unicode ünï ✓ 😀",
                new Nested("n", null, List.of("t")),
                new Shape(7, "text", null, true, 0.1, new Nested(null, 0.25, List.of()), map, new int[] {1, 2}),
                MAPPER.readTree("{\"z\":1,\"a\":[null,{}],\"n\":1.50}"));
    }

    @ParameterizedTest
    @MethodSource("results")
    void writesTheSameBytesAsTheEnvelopeTree(Object value) {
        for (JsonNode id : List.of(MAPPER.readTree("1"), MAPPER.readTree("\"a\""), NullNode.getInstance(),
                MAPPER.readTree("1.50"))) {
            assertThat(written(id, value)).isEqualTo(MAPPER.writeValueAsString(RpcEnvelopes.result(id, value)));
        }
    }

    @ParameterizedTest
    @MethodSource("results")
    void writesAStreamedResultLikeItsValue(Object value) {
        StreamedResult streamed = generator -> generator.writePOJO(value);
        JsonNode id = MAPPER.readTree("5");
        assertThat(written(id, streamed)).isEqualTo(MAPPER.writeValueAsString(RpcEnvelopes.result(id, value)));
    }

    @Test
    void writesANullResultExplicitly() {
        assertThat(written(MAPPER.readTree("3"), null)).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":3}");
    }

    private static String written(JsonNode id, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ResultWriter(MAPPER).write(new DispatchOutcome.Result(id, value, "c1 test"), out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
