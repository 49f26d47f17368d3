package io.agentd.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agentd.daemon.json.JsonMappers;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RpcServerIT {
    private SocketDir dir;
    private MethodRegistry registry;
    private final CountDownLatch sleepStarted = new CountDownLatch(1);
    private RpcServer server;

    @BeforeEach
    void setUp() throws IOException {
        dir = new SocketDir();
        registry = TestMethods.basic();
        registry.register("sleep", TestMethods.SleepParams.class, (p, c) -> {
            sleepStarted.countDown();
            try {
                Thread.sleep(p.millis());
            } catch (InterruptedException e) {
                throw new IllegalStateException("interrupted", e);
            }
            return "slept";
        });
        server = RpcServer.start(dir.socket(), registry, RpcServerOptions.defaults());
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
        dir.close();
    }

    private static String echo(Object id, String text) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"text\":\"" + text + "\"},\"id\":" + id + "}";
    }

    @Test
    void createsPrivateDirectoryAndSocket() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.socket().getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.socket())))
                .isEqualTo("rw-------");
        assertThat(server.socketPath()).isEqualTo(dir.socket());
    }

    @Test
    void answersManyConcurrentClients() throws Exception {
        int clients = 50;
        int requests = 200;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    try (RpcTestClient rpc = RpcTestClient.connect(dir.socket())) {
                        for (int r = 0; r < requests; r++) {
                            String id = "\"" + client + "-" + r + "\"";
                            String response = rpc.call(echo(id, "t" + client + "." + r));
                            if (response.equals("{\"jsonrpc\":\"2.0\",\"result\":{\"text\":\"t" + client + "." + r
                                    + "\"},\"id\":" + id + "}")) {
                                ok++;
                            }
                        }
                    }
                    return ok;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(requests);
            }
        }
    }

    @Test
    void answersPipelinedRequestsInOrder() throws IOException {
        try (RpcTestClient rpc = RpcTestClient.connect(dir.socket())) {
            rpc.write(echo(1, "a") + "\n\n" + echo("\"2\"", "b") + "\r\n   \n"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"none\"}\n" + echo(4, "d") + "\n");
            assertThat(rpc.readLine()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"text\":\"a\"},\"id\":1}");
            assertThat(rpc.readLine()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"text\":\"b\"},\"id\":\"2\"}");
            assertThat(rpc.readLine()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"ok\",\"id\":null}");
            assertThat(rpc.readLine()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"text\":\"d\"},\"id\":4}");
        }
    }

    @Test
    void echoesIdTypesOverTheSocket() throws IOException {
        try (RpcTestClient rpc = RpcTestClient.connect(dir.socket())) {
            for (String id : List.of("\"1\"", "1", "98765432109876543210987654321", "3.25", "null")) {
                assertThat(rpc.call("{\"jsonrpc\":\"2.0\",\"method\":\"none\",\"id\":" + id + "}"))
                        .endsWith(",\"id\":" + id + "}");
            }
        }
    }

    @Test
    void keepsConnectionUsableAfterErrors() throws IOException {
        try (RpcTestClient rpc = RpcTestClient.connect(dir.socket())) {
            assertThat(rpc.call("{nope")).isEqualTo(
                    "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}");
            assertThat(rpc.call("{\"jsonrpc\":\"2.0\",\"method\":\"missing\",\"id\":1}"))
                    .contains("\"message\":\"Method not found: missing\"");
            assertThat(rpc.call("{\"jsonrpc\":\"2.0\",\"method\":\"boom\",\"id\":2}"))
                    .contains("\"code\":-32603,\"message\":\"kaboom\"");
            assertThat(rpc.call("{\"jsonrpc\":\"2.0\",\"method\":\"launch\",\"params\":{\"query\":\"q\",\"max_turns\":\"x\"},\"id\":3}"))
                    .contains("\"code\":-32602,\"message\":\"invalid params: max_turns: expected integer\"");
            assertThat(rpc.call("[]")).contains("\"code\":-32600");
            assertThat(rpc.call(echo(5, "still here"))).contains("still here");
        }
    }

    @Test
    void answersBatchAsOneLine() throws IOException {
        try (RpcTestClient rpc = RpcTestClient.connect(dir.socket())) {
            rpc.write("[" + echo(1, "a") + ",{\"jsonrpc\":\"2.0\",\"method\":\"none\"}," + echo(2, "b") + "]\n"
                    + "[{\"jsonrpc\":\"2.0\",\"method\":\"none\"}]\n" + echo(3, "c") + "\n");
            JsonNode batch = JsonMappers.daemon().readTree(rpc.readLine());
            assertThat(batch.isArray()).isTrue();
            assertThat(batch.size()).isEqualTo(2);
            assertThat(batch.get(1).get("id").intValue()).isEqualTo(2);
            // The notification-only batch wrote nothing: the next line answers id 3.
            assertThat(rpc.readLine()).contains("\"id\":3");
        }
    }

    @Test
    void refusesSecondServerOnSamePath() throws IOException {
        assertThatThrownBy(() -> RpcServer.start(dir.socket(), new MethodRegistry(), RpcServerOptions.defaults()))
                .isInstanceOf(DaemonAlreadyRunningException.class)
                .hasMessage("daemon already running at " + dir.socket());
        try (RpcTestClient rpc = RpcTestClient.connect(dir.socket())) {
            assertThat(rpc.call(echo(1, "first"))).contains("first");
        }
    }

    @Test
    void replacesStaleSocketFile() throws IOException {
        Path stale = dir.root().resolve("stale.sock");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(stale));
        }
        assertThat(stale).exists();
        try (RpcServer second = RpcServer.start(stale, registry, RpcServerOptions.defaults());
             RpcTestClient rpc = RpcTestClient.connect(stale)) {
            assertThat(rpc.call(echo(1, "fresh"))).contains("fresh");
            assertThat(second.activeConnections()).isEqualTo(1);
        }
        assertThat(stale).doesNotExist();
    }

    @Test
    void closeLetsInFlightRequestFinishAndRemovesSocket() throws Exception {
        try (RpcTestClient busy = RpcTestClient.connect(dir.socket());
             RpcTestClient idle = RpcTestClient.connect(dir.socket())) {
            assertThat(idle.call(echo(1, "x"))).contains("x");
            busy.write("{\"jsonrpc\":\"2.0\",\"method\":\"sleep\",\"params\":{\"millis\":700},\"id\":7}\n");
            assertThat(sleepStarted.await(10, TimeUnit.SECONDS)).isTrue();
            server.close();
            assertThat(busy.readLine()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"slept\",\"id\":7}");
            assertThat(busy.readLine()).isNull();
            assertThat(idle.readLine()).isNull();
        }
        assertThat(dir.socket()).doesNotExist();
        assertThat(server.activeConnections()).isZero();
        assertThatThrownBy(() -> RpcTestClient.connect(dir.socket())).isInstanceOf(IOException.class);
    }

    @Test
    void tracksActiveConnections() throws IOException {
        try (RpcTestClient a = RpcTestClient.connect(dir.socket());
             RpcTestClient b = RpcTestClient.connect(dir.socket())) {
            a.call(echo(1, "a"));
            b.call(echo(1, "b"));
            assertThat(server.activeConnections()).isEqualTo(2);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.activeConnections() == 0);
    }
}
