package io.agentd.daemon.bus;

import io.agentd.daemon.json.JsonMappers;
import io.agentd.daemon.rpc.RpcEnvelopes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRpcEventCodecTest {
    private static final JsonRpcEventCodec CODEC = JsonRpcEventCodec.INSTANCE;

    @Test
    void anEventIsTheSubscribeLineByteForByte() {
        PublishedEvent e = new PublishedEvent(9, "conversation_updated", Instant.parse("2026-03-04T05:06:07.089Z"), "s1", "r1",
                "{\"session_id\":\"s1\",\"run_id\":\"r1\",\"content\":\"é \\\"q\\\"\"}");
        assertThat(new String(CODEC.encode(e), StandardCharsets.UTF_8)).isEqualTo(
                "{\"jsonrpc\":\"2.0\",\"result\":{\"event\":{\"type\":\"conversation_updated\",\"timestamp\":"
                        + "\"2026-03-04T05:06:07.089Z\",\"seq\":9,\"data\":{\"session_id\":\"s1\",\"run_id\":\"r1\","
                        + "\"content\":\"é \\\"q\\\"\"}}},\"id\":null}");
    }

    @Test
    void aWholeSecondHasNoFractionAndATypeIsEscapedAsJson() {
        PublishedEvent e = new PublishedEvent(1, "odd\"type", Instant.parse("2026-03-04T05:06:07Z"), null, null, "{}");
        assertThat(new String(CODEC.encode(e), StandardCharsets.UTF_8)).isEqualTo(
                "{\"jsonrpc\":\"2.0\",\"result\":{\"event\":{\"type\":\"odd\\\"type\",\"timestamp\":\"2026-03-04T05:06:07Z\","
                        + "\"seq\":1,\"data\":{}}},\"id\":null}");
    }

    @Test
    void theHeartbeatIsTheLineTheHandlerSentBefore() {
        ObjectNode beat = JsonMappers.daemon().createObjectNode();
        beat.put("type", "heartbeat");
        beat.put("message", "Connection alive");
        byte[] before = JsonMappers.daemon().writeValueAsBytes(RpcEnvelopes.result(beat));
        assertThat(CODEC.frame(SubscriptionItem.HEARTBEAT)).isEqualTo(before);
        assertThat(new String(CODEC.heartbeat(), StandardCharsets.UTF_8))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"type\":\"heartbeat\",\"message\":\"Connection alive\"},\"id\":null}");
    }

    @Test
    void resyncIsAnEventNumberedJustBeforeTheFirstRetainedOne() {
        var resync = new SubscriptionItem.ResyncRequired(2, 6, Instant.parse("2026-03-04T05:06:07.089Z"));
        assertThat(new String(CODEC.frame(resync), StandardCharsets.UTF_8)).isEqualTo(
                "{\"jsonrpc\":\"2.0\",\"result\":{\"event\":{\"type\":\"resync_required\",\"timestamp\":"
                        + "\"2026-03-04T05:06:07.089Z\",\"seq\":5,\"data\":{\"requested_since_seq\":2,\"first_retained_seq\":6,"
                        + "\"message\":\"events before seq 6 are no longer retained; resync your state\"}}},\"id\":null}");
    }

    @Test
    void anEventIsEncodedOncePerCodecWhoeverSendsIt() throws Exception {
        PublishedEvent e = new PublishedEvent(3, "new_approval", Instant.EPOCH, "s1", "r1", "{\"approval_id\":\"a\"}");
        CountingCodec counting = new CountingCodec();
        List<byte[]> frames;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<byte[]>> sends = IntStream.range(0, 64)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> e.encoded(counting), threads)).toList();
            frames = sends.stream().map(CompletableFuture::join).toList();
        }
        byte[] first = frames.getFirst();
        assertThat(counting.encodings.get()).isEqualTo(1);
        assertThat(frames).allSatisfy(f -> assertThat(f).isSameAs(first));
        assertThat(first).isEqualTo(CODEC.encode(e));
        byte[] line = e.encoded(CODEC);
        byte[] sse = e.encoded(SseEventCodec.INSTANCE);
        assertThat(line).isEqualTo(first).isSameAs(e.encoded(CODEC));
        assertThat(sse).isNotEqualTo(line).isSameAs(e.encoded(SseEventCodec.INSTANCE));
        assertThat(e.encoded(counting)).isSameAs(first);
        assertThat(counting.encodings.get()).isEqualTo(1);
    }

    @Test
    void theGoldenLinesComeOutOfTheCodecFromTheirParts() throws Exception {
        // Each golden line rebuilt from its type, timestamp, seq and data must give the same bytes: the codec
        // adds nothing of its own to what the log stores.
        for (String line : EventPublishersTest.golden()) {
            var event = JsonMappers.daemon().readTree(line).path("result").path("event");
            String data = line.substring(line.indexOf(",\"data\":") + 8, line.length() - "}},\"id\":null}".length());
            PublishedEvent e = new PublishedEvent(event.path("seq").asLong(), event.path("type").asString(),
                    Instant.parse(event.path("timestamp").asString()), "s1", "r1", data);
            assertThat(new String(CODEC.encode(e), StandardCharsets.UTF_8)).isEqualTo(line);
        }
    }

    /** The JSON-RPC frame, counting how often it is built. */
    private static final class CountingCodec implements EventCodec {
        final AtomicInteger encodings = new AtomicInteger();

        @Override
        public byte[] encode(PublishedEvent event) {
            encodings.incrementAndGet();
            return CODEC.encode(event);
        }

        @Override
        public byte[] heartbeat() {
            return CODEC.heartbeat();
        }
    }
}
