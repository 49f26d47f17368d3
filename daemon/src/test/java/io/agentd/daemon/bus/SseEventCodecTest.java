package io.agentd.daemon.bus;

import io.agentd.daemon.json.JsonMappers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SseEventCodecTest {
    private static final SseEventCodec CODEC = SseEventCodec.INSTANCE;
    private static final Instant AT = Instant.parse("2026-03-04T05:06:07.089Z");

    private static String frame(SubscriptionItem item) {
        return new String(CODEC.frame(item), StandardCharsets.UTF_8);
    }

    @Test
    void anEventIsOneUnnamedMessageWithItsSeqAsId() {
        PublishedEvent e = new PublishedEvent(42, "new_approval", AT, "s1", "r1",
                "{\"approval_id\":\"a1\",\"session_id\":\"s1\",\"run_id\":\"r1\",\"tool_name\":\"Bash\"}");
        assertThat(frame(new SubscriptionItem.Event(e))).isEqualTo("id: 42\n"
                + "data: {\"type\":\"new_approval\",\"timestamp\":\"2026-03-04T05:06:07.089Z\",\"seq\":42,"
                + "\"data\":{\"approval_id\":\"a1\",\"session_id\":\"s1\",\"run_id\":\"r1\",\"tool_name\":\"Bash\"}}\n\n");
        assertThat(frame(new SubscriptionItem.Event(e))).doesNotContain("event:");
    }

    @Test
    void theDataIsTheEventObjectOfTheSubscribeLine() {
        PublishedEvent e = new PublishedEvent(7, "session_status_changed", AT, "s1", "r1",
                "{\"session_id\":\"s1\",\"run_id\":\"r1\",\"old_status\":\"running\",\"new_status\":\"completed\",\"t\":\"é\"}");
        String sse = frame(new SubscriptionItem.Event(e));
        JsonNode data = JsonMappers.daemon().readTree(sse.substring(sse.indexOf("data: ") + 6).strip());
        JsonNode line = JsonMappers.daemon().readTree(JsonRpcEventCodec.INSTANCE.encode(e)).path("result").path("event");
        assertThat(data).isEqualTo(line);
        assertThat(data.path("type").asString()).isEqualTo("session_status_changed");
        assertThat(data.path("data").path("new_status").asString()).isEqualTo("completed");
    }

    @Test
    void aLineBreakInAStoredPayloadBecomesAnotherDataLineNotTheEndOfTheMessage() {
        PublishedEvent e = new PublishedEvent(3, "conversation_updated", AT, null, null, "{\"a\":1,\r\n\"b\":2,\n\"c\":3}");
        assertThat(frame(new SubscriptionItem.Event(e))).isEqualTo("id: 3\n"
                + "data: {\"type\":\"conversation_updated\",\"timestamp\":\"2026-03-04T05:06:07.089Z\",\"seq\":3,\"data\":{\"a\":1,\n"
                + "data: \"b\":2,\n"
                + "data: \"c\":3}}\n\n");
    }

    @Test
    void theHeartbeatIsAKeepaliveComment() {
        assertThat(frame(SubscriptionItem.HEARTBEAT)).isEqualTo(": keepalive\n\n");
    }

    @Test
    void resyncIsAMessageWhoseIdResumesAtTheFirstRetainedEvent() {
        String frame = frame(new SubscriptionItem.ResyncRequired(2, 6, AT));
        assertThat(frame).startsWith("id: 5\ndata: {\"type\":\"resync_required\",").endsWith("}}\n\n");
        JsonNode data = JsonMappers.daemon().readTree(frame.substring(frame.indexOf("data: ") + 6).strip());
        assertThat(data.path("data").path("requested_since_seq").asLong()).isEqualTo(2);
        assertThat(data.path("data").path("first_retained_seq").asLong()).isEqualTo(6);
    }
}
