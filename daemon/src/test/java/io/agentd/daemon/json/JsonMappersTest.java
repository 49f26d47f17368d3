package io.agentd.daemon.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonMappersTest {
    record Sample(String sessionId, Integer maxTurns, int count, List<String> allowedTools) {
    }

    private final JsonMapper mapper = JsonMappers.daemon();

    @Test
    void writesSnakeCaseAndOmitsNulls() {
        assertThat(mapper.writeValueAsString(new Sample("s1", null, 2, List.of("Bash"))))
                .isEqualTo("{\"session_id\":\"s1\",\"count\":2,\"allowed_tools\":[\"Bash\"]}");
    }

    @Test
    void readsSnakeCaseIgnoringUnknownPropertiesAndNullPrimitives() {
        Sample sample = mapper.readValue(
                "{\"session_id\":\"s1\",\"max_turns\":3,\"count\":null,\"whatever\":{\"x\":1}}", Sample.class);
        assertThat(sample).isEqualTo(new Sample("s1", 3, 0, null));
    }

    @Test
    void isShared() {
        assertThat(JsonMappers.daemon()).isSameAs(mapper);
    }
}
