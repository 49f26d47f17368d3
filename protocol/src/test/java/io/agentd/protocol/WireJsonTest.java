package io.agentd.protocol;

import static io.agentd.protocol.WireTesting.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireJsonTest {
    record Sample(String sessionId, Long inputTokens, int numTurns, String absent) {
    }

    @Test
    void namesAreSnakeCaseAndNullsAreLeftOut() {
        assertThat(MAPPER.writeValueAsString(new Sample("s", 3L, 2, null)))
                .isEqualTo("{\"session_id\":\"s\",\"input_tokens\":3,\"num_turns\":2}");
    }

    @Test
    void unknownFieldsAreIgnoredAndANullNumberReadsAsZero() {
        assertThat(MAPPER.readValue("{\"session_id\":\"s\",\"num_turns\":null,\"newer\":1}", Sample.class))
                .isEqualTo(new Sample("s", null, 0, null));
    }
}
