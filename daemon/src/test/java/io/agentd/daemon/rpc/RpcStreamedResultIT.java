package io.agentd.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.daemon.json.JsonMappers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/** Results written to the socket while they are produced, and what a client sees when one fails half-way. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RpcStreamedResultIT {
    private static final String KILOBYTE = "x".repeat(1000);
    private SocketDir dir;
    private RpcServer server;

    /** {@code count} strings of 1,000 characters; fails before string number {@code failAt} when it is set. */
    record StreamParams(int count, Integer failAt) {
    }

    @BeforeEach
    void setUp() throws IOException {
        dir = new SocketDir();
        MethodRegistry registry = TestMethods.basic();
        registry.register("stream", StreamParams.class, (p, c) -> (StreamedResult) generator -> write(p, generator));
        server = RpcServer.start(dir.socket(), registry, RpcServerOptions.defaults());
    }

    private static void write(StreamParams p, JsonGenerator generator) {
        generator.writeStartArray();
        for (int i = 0; i < p.count(); i++) {
            if (p.failAt() != null && i == p.failAt()) {
                throw new IllegalStateException("disk on fire");
            }
            generator.writeString(KILOBYTE);
        }
        generator.writeEndArray();
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
        dir.close();
    }

    private static String stream(int id, int count, Integer failAt) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"stream\",\"params\":{\"count\":" + count
                + (failAt == null ? "" : ",\"fail_at\":" + failAt) + "},\"id\":" + id + "}";
    }

    @Test
    void writesALargeResultAsOneOrdinaryLine() throws IOException {
        try (RpcTestClient rpc = RpcTestClient.connect(dir.socket())) {
            JsonNode answer = rpc.callJson(stream(3, 500, null));

            assertThat(answer.propertyNames()).containsExactly("jsonrpc", "result", "id");
            assertThat(answer.get("result")).hasSize(500).allSatisfy(s -> assertThat(s.asString()).isEqualTo(KILOBYTE));
            assertThat(answer.get("id").asInt()).isEqualTo(3);
            assertThat(rpc.call("{\"jsonrpc\":\"2.0\",\"method\":\"none\",\"id\":4}"))
                    .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"ok\",\"id\":4}");
        }
    }

    @Test
    void aFailureBeforeAnythingWasSentIsTheUsualErrorResponse() throws IOException {
        try (RpcTestClient rpc = RpcTestClient.connect(dir.socket())) {
            // 20 kB written when it fails: still held back, so the client gets an error line instead.
            assertThat(rpc.call(stream(7, 500, 20)))
                    .isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"disk on fire\"},\"id\":7}");
            assertThat(rpc.call("{\"jsonrpc\":\"2.0\",\"method\":\"none\",\"id\":8}"))
                    .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"ok\",\"id\":8}");
        }
    }

    @Test
    void aFailureAfterPartWasSentClosesTheConnectionBeforeTheNewline() throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(server.socketPath()));
            // The next request is already on its way: it must not be answered after the broken line.
            String requests = stream(9, 500, 300) + "\n{\"jsonrpc\":\"2.0\",\"method\":\"none\",\"id\":10}\n";
            channel.write(ByteBuffer.wrap(requests.getBytes(StandardCharsets.UTF_8)));

            byte[] received = readUntilEnd(channel);

            String text = new String(received, StandardCharsets.UTF_8);
            assertThat(text).startsWith("{\"jsonrpc\":\"2.0\",\"result\":[\"" + KILOBYTE);
            assertThat(received.length).isGreaterThanOrEqualTo(64 * 1024).isLessThan(300 * 1003);
            assertThat(text).doesNotContain("\n").doesNotContain("\"id\"");
        }
        try (RpcTestClient rpc = RpcTestClient.connect(dir.socket())) {
            assertThat(rpc.call("{\"jsonrpc\":\"2.0\",\"method\":\"none\",\"id\":11}")).contains("\"ok\"");
        }
    }

    @Test
    void aClientHangingUpInTheMiddleOfAnAnswerLeavesTheServerServing() throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(server.socketPath()));
            channel.write(ByteBuffer.wrap((stream(1, 20_000, null) + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.read(ByteBuffer.allocate(1024));
        }
        try (RpcTestClient rpc = RpcTestClient.connect(dir.socket())) {
            assertThat(rpc.callJson(stream(2, 300, null)).get("result")).hasSize(300);
        }
    }

    @Test
    void aStreamedResultInABatchIsPartOfTheBatchAnswer() throws IOException {
        try (RpcTestClient rpc = RpcTestClient.connect(dir.socket())) {
            JsonNode answer = rpc.callJson("[" + stream(1, 100, null) + "," + stream(2, 100, 5) + "]");

            assertThat(answer.get(0).get("result")).hasSize(100);
            assertThat(answer.get(1).get("error").get("code").asInt()).isEqualTo(-32603);
            assertThat(answer.get(1).get("id").asInt()).isEqualTo(2);
        }
    }

    private static byte[] readUntilEnd(SocketChannel channel) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        while (channel.read(buffer) >= 0) {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
        return out.toByteArray();
    }

    @Test
    void theResultIsSerializedByTheDaemonMapperRules() {
        // Sanity check of the test's own method: a streamed result is a plain JSON value for the mapper too.
        StreamParams params = new StreamParams(2, null);
        StreamedResult result = generator -> write(params, generator);
        assertThat(JsonMappers.daemon().writeValueAsString(result)).isEqualTo("[\"" + KILOBYTE + "\",\"" + KILOBYTE + "\"]");
    }
}
