package io.agentd.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RpcStreamingIT {
    private SocketDir dir;
    private RpcServer server;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final CountDownLatch handlerEnded = new CountDownLatch(1);
    private final AtomicBoolean sawHangUp = new AtomicBoolean();

    @BeforeEach
    void setUp() throws IOException {
        dir = new SocketDir();
        MethodRegistry registry = TestMethods.basic();
        registry.registerStreaming("Subscribe", TestMethods.SubscribeParams.class, (params, connection) -> {
            try {
                // Sorted, so the line compared below has one field order (Map.of iterates in a random one).
                connection.send(RpcEnvelopes.result(new TreeMap<>(Map.of("subscription_id", "s1", "types",
                        params.eventTypes() == null ? List.of() : params.eventTypes()))));
                // Events are pushed from another thread, as the bus will do.
                Thread producer = Thread.ofVirtual().start(() -> {
                    try {
                        while (connection.isOpen()) {
                            String event = events.poll(50, TimeUnit.MILLISECONDS);
                            if (event != null) {
                                connection.send(RpcEnvelopes.result(Map.of("event", event)));
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                sawHangUp.set(connection.awaitClosed(Duration.ofSeconds(30)));
                producer.join();
            } finally {
                handlerEnded.countDown();
            }
        });
        server = RpcServer.start(dir.socket(), registry, RpcServerOptions.defaults());
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
        dir.close();
    }

    @Test
    void streamsMessagesAndNoticesHangUp() throws Exception {
        try (RpcTestClient rpc = RpcTestClient.connect(dir.socket())) {
            assertThat(rpc.call("{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"params\":{\"event_types\":[\"new_approval\"]},\"id\":1}"))
                    .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"subscription_id\":\"s1\",\"types\":[\"new_approval\"]},\"id\":null}");
            events.add("e1");
            events.add("e2");
            assertThat(rpc.readLine()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"event\":\"e1\"},\"id\":null}");
            assertThat(rpc.readLine()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"event\":\"e2\"},\"id\":null}");
            // Bytes sent while streaming are ignored, not answered.
            rpc.write("{\"jsonrpc\":\"2.0\",\"method\":\"none\",\"id\":2}\n");
            events.add("e3");
            assertThat(rpc.readLine()).contains("e3");
            assertThat(server.activeConnections()).isEqualTo(1);
        }
        assertThat(handlerEnded.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sawHangUp).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.activeConnections() == 0);
    }

    @Test
    void refusesBadStreamingParamsThenCloses() throws IOException {
        try (RpcTestClient rpc = RpcTestClient.connect(dir.socket())) {
            assertThat(rpc.call("{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"params\":{\"event_types\":7},\"id\":1}"))
                    .isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,"
                            + "\"message\":\"invalid request: event_types: expected array\"},\"id\":null}");
            assertThat(rpc.readLine()).isNull();
        }
    }

    @Test
    void serverCloseEndsTheStream() throws Exception {
        try (RpcTestClient rpc = RpcTestClient.connect(dir.socket())) {
            assertThat(rpc.call("{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"id\":1}")).contains("subscription_id");
            server.close();
            assertThat(rpc.readLine()).isNull();
        }
        assertThat(handlerEnded.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.socket()).doesNotExist();
    }
}
