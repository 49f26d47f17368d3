package io.agentd.protocol.approval;

import static io.agentd.protocol.WireTesting.MAPPER;
import static io.agentd.protocol.WireTesting.keys;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApprovalTest {
    private static final Approval FULL = new Approval("local-1", "r-1", "s-1", "toolu_1", "denied",
            "2026-11-22T04:30:22.12Z", "2026-11-22T04:30:30Z", "Write",
            MAPPER.readTree("{\"file_path\":\"/x\",\"n\":[1,2.5,null]}"), "no", "human");

    @Test
    void allFieldsCarryHldsKeyNames() {
        JsonNode json = MAPPER.valueToTree(new Approval.Envelope(FULL));

        assertThat(keys(json)).containsExactly("approval");
        assertThat(keys(json.get("approval"))).containsExactlyInAnyOrder("id", "run_id", "session_id",
                "tool_use_id", "status", "created_at", "responded_at", "tool_name", "tool_input", "comment",
                "decided_by");
        assertThat(json.get("approval").get("tool_input")).isEqualTo(FULL.toolInput());
    }

    @Test
    void roundTripsThroughJson() {
        Approval.Envelope envelope = new Approval.Envelope(FULL);

        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(envelope), Approval.Envelope.class)).isEqualTo(envelope);
    }

    @Test
    void undecidedFieldsAreLeftOut() {
        Approval pending = new Approval("local-1", "r-1", "s-1", null, "pending", "2026-11-22T04:30:22Z", null,
                "Bash", MAPPER.readTree("{}"), null, null);

        assertThat(keys(MAPPER.valueToTree(pending))).containsExactlyInAnyOrder("id", "run_id", "session_id",
                "status", "created_at", "tool_name", "tool_input");
    }

    @Test
    void pendingFollowsTheStatus() {
        assertThat(FULL.pending()).isFalse();
        assertThat(FULL.approvalStatus()).contains(ApprovalStatus.DENIED);
        assertThat(MAPPER.readValue("{\"id\":\"a\",\"status\":\"pending\"}", Approval.class).pending()).isTrue();
        assertThat(MAPPER.readValue("{\"id\":\"a\"}", Approval.class).pending()).isTrue();
        assertThat(MAPPER.readValue("{\"id\":\"a\",\"status\":\"odd\"}", Approval.class).approvalStatus()).isEmpty();
    }
}
