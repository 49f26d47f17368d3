package io.agentd.protocol.session;

import static io.agentd.protocol.WireTesting.MAPPER;
import static io.agentd.protocol.WireTesting.keys;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SessionInfoTest {
    private static final SessionInfo.RunResult RESULT = new SessionInfo.RunResult("result", "session_completed",
            0.25, true, 1200, 900, 3, "done", "claude-1", "boom");
    private static final SessionInfo FULL = new SessionInfo("s-1", "r-1", "claude-1", "p-1", "completed",
            "2026-11-22T04:30:22.12Z", "2026-11-22T04:31:00Z", "2026-11-22T04:30:59.5Z", "boom", "hi", "sum",
            "title", "opus", "claude-opus", "/w", RESULT, true, true, "2026-11-22T05:00:00Z", true, "{}", true,
            "http://proxy", "m", 10L, 20L, 3L, 4L, 5L, 200_000L, 0.5);

    @Test
    void allFieldsCarryHldsKeyNames() {
        JsonNode json = MAPPER.valueToTree(FULL);

        assertThat(keys(json)).containsExactlyInAnyOrder("id", "run_id", "claude_session_id", "parent_session_id",
                "status", "start_time", "end_time", "last_activity_at", "error", "query", "summary", "title", "model",
                "model_id", "working_dir", "result", "auto_accept_edits", "dangerously_skip_permissions",
                "dangerously_skip_permissions_expires_at", "archived", "editor_state", "proxy_enabled",
                "proxy_base_url", "proxy_model_override", "input_tokens", "output_tokens",
                "cache_creation_input_tokens", "cache_read_input_tokens", "effective_context_tokens",
                "context_window", "cost_usd");
        assertThat(keys(json.get("result"))).containsExactlyInAnyOrder("type", "subtype", "total_cost_usd",
                "is_error", "duration_ms", "duration_api_ms", "num_turns", "result", "session_id", "error");
    }

    @Test
    void roundTripsThroughJson() {
        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(FULL), SessionInfo.class)).isEqualTo(FULL);
    }

    @Test
    void absentValuesAreLeftOutButBooleansAreAlwaysSent() {
        SessionInfo bare = new SessionInfo("s-1", "r-1", null, null, "running", null, null, null, null, "hi", null,
                null, null, null, null, null, false, false, null, false, null, false, null, null, null, null, null,
                null, null, null, null);

        assertThat(keys(MAPPER.valueToTree(bare))).containsExactlyInAnyOrder("id", "run_id", "status", "query",
                "auto_accept_edits", "dangerously_skip_permissions", "archived", "proxy_enabled");
    }

    @Test
    void costAndTokensFallBackAsHldSendsThem() {
        SessionInfo fromHld = MAPPER.readValue("""
                {"id":"s","status":"completed","result":{"total_cost_usd":0.75,"result":"ok"}}""", SessionInfo.class);

        assertThat(fromHld.cost()).contains(0.75);
        assertThat(fromHld.tokens()).isEmpty();
        assertThat(FULL.cost()).contains(0.5);
        assertThat(FULL.tokens()).contains(30L);
    }
}
