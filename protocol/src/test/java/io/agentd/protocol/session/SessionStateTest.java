package io.agentd.protocol.session;

import static io.agentd.protocol.WireTesting.MAPPER;
import static io.agentd.protocol.WireTesting.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SessionStateTest {
    private static final SessionState FULL = new SessionState("s-1", "r-1", "claude-1", "p-1", "failed", "hi", "sum",
            "title", "opus", "claude-opus", "/w", "2026-11-22T04:30:22Z", "2026-11-22T04:30:59Z",
            "2026-11-22T04:31:00Z", "boom", 0.5, 10L, 20L, 3L, 4L, 5L, 200_000L, 1200L, true, true,
            "2026-11-22T05:00:00Z", true, 200_000L, 900L, 3, "done",
            List.of(new SessionState.PermissionDenial("Write", "toolu_1", MAPPER.readTree("{\"file_path\":\"/w\"}"))));

    @Test
    void allFieldsCarryHldsKeyNamesAndNothingElseIsSent() {
        JsonNode json = MAPPER.valueToTree(new SessionState.Envelope(FULL));

        assertThat(keys(json)).containsExactly("session");
        assertThat(keys(json.get("session"))).containsExactlyInAnyOrder("id", "run_id", "claude_session_id",
                "parent_session_id", "status", "query", "summary", "title", "model", "model_id", "working_dir",
                "created_at", "last_activity_at", "completed_at", "error_message", "cost_usd", "input_tokens",
                "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens",
                "effective_context_tokens", "context_limit", "duration_ms", "auto_accept_edits",
                "dangerously_skip_permissions", "dangerously_skip_permissions_expires_at", "archived",
                "context_window", "duration_api_ms", "num_turns", "result", "permission_denials");
    }

    @Test
    void roundTripsThroughJson() {
        SessionState.Envelope envelope = new SessionState.Envelope(FULL);

        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(envelope), SessionState.Envelope.class))
                .isEqualTo(envelope);
    }

    @Test
    void terminalFollowsTheStatus() {
        assertThat(FULL.terminal()).isTrue();
        SessionState running = MAPPER.readValue("{\"id\":\"s\",\"status\":\"running\"}", SessionState.class);
        assertThat(running.terminal()).isFalse();
        assertThat(running.contextLimit()).isNull();
        assertThat(running.permissionDenials()).as("absent from hld: none").isEmpty();
    }
}
