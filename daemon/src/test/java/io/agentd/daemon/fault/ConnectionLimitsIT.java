package io.agentd.daemon.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connections are capped (one more is told why and closed) and a connection that says nothing between
 * requests is closed after the idle timeout; subscriptions are never idle.
 */
class ConnectionLimitsIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private Path dir;
    private DaemonProcess daemon;

    @BeforeEach
    void setUp() throws Exception {
        dir = DaemonProcess.tempDir();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private DaemonProcess start(String... args) throws Exception {
        daemon = DaemonProcess.start(dir, List.of(args), Map.of());
        daemon.awaitReady(Duration.ofSeconds(30));
        return daemon;
    }

    @Test
    void halfOpenConnectionsOverTheCapGetOneErrorLineAndAreClosed() throws Exception {
        start("--max-connections", "100", "--connection-idle-timeout", "0");
        List<SocketChannel> open = new ArrayList<>();
        try {
            for (int i = 0; i < 500; i++) {
                open.add(SocketChannel.open(UnixDomainSocketAddress.of(daemon.socket())));
            }
            // The daemon takes connections in order: once the last one is answered, every one before it was too.
            String last = readUntilClosed(open.getLast(), System.nanoTime() + Duration.ofSeconds(20).toNanos());
            assertThat(last).as("the last connection was refused").isNotNull();
            List<String> refusals = new ArrayList<>(List.of(last));
            List<SocketChannel> kept = new ArrayList<>();
            for (SocketChannel channel : open.subList(0, open.size() - 1)) {
                String answer = readUntilClosed(channel, System.nanoTime());
                if (answer == null) {
                    kept.add(channel);
                } else {
                    refusals.add(answer);
                }
            }
            assertThat(kept).hasSize(100);
            assertThat(refusals).hasSize(400).allSatisfy(line -> {
                JsonNode error = JSON.readTree(line).path("error");
                assertThat(error.path("code").asInt()).isEqualTo(-32000);
                assertThat(error.path("message").asString()).startsWith("Too many connections: the daemon serves at"
                        + " most 100 at once");
            });
            // The kept ones are served as usual.
            SocketChannel first = kept.getFirst();
            first.write(ByteBuffer.wrap("{\"jsonrpc\":\"2.0\",\"method\":\"health\",\"id\":1}\n"
                    .getBytes(StandardCharsets.UTF_8)));
            assertThat(readLine(first)).contains("\"status\":\"ok\"");
        } finally {
            for (SocketChannel channel : open) {
                channel.close();
            }
        }
        // Once they are gone, new clients get in again.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (LineClient client = daemon.client()) {
                JsonNode response = client.call("health", null);
                if (response.has("result")) {
                    break;
                }
            }
            assertThat(System.nanoTime()).as("no room after the connections closed").isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(daemon.stderr()).contains("refusing a connection: 100 are open, the most allowed");
    }

    @Test
    void idleConnectionsAreClosedButBusyOnesAndSubscriptionsStay() throws Exception {
        start("--connection-idle-timeout", "1s", "--heartbeat", "500ms");
        SocketChannel idle = SocketChannel.open(StandardProtocolFamily.UNIX);
        idle.connect(UnixDomainSocketAddress.of(daemon.socket()));
        long opened = System.nanoTime();
        try (LineClient subscriber = daemon.client(); LineClient chatty = daemon.client()) {
            subscriber.send("{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"params\":{},\"id\":1}");
            assertThat(subscriber.readLine()).contains("\"result\"");

            // A client asking every 300 ms is never idle for a second.
            for (int i = 0; i < 10; i++) {
                assertThat(chatty.result("health", null).path("status").asString()).isEqualTo("ok");
                Thread.sleep(300);
            }
            assertThat(readUntilClosed(idle, System.nanoTime() + Duration.ofSeconds(10).toNanos()))
                    .as("the idle connection was closed without a word").isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - opened)).isGreaterThan(Duration.ofSeconds(1));

            // Well past the timeout the subscription still streams: heartbeats keep coming.
            String line = subscriber.readLine();
            for (int i = 0; i < 6 && !line.contains("heartbeat"); i++) {
                line = subscriber.readLine();
            }
            assertThat(line).contains("heartbeat");
            assertThat(chatty.result("health", null).path("status").asString()).isEqualTo("ok");
        } finally {
            idle.close();
        }
    }

    /**
     * What the daemon sent before closing the connection ("" for nothing), or null if it is still open at the
     * deadline; reads what has already arrived at least once, however early the deadline.
     */
    private static String readUntilClosed(SocketChannel channel, long deadlineNanos) throws Exception {
        channel.configureBlocking(false);
        ByteBuffer in = ByteBuffer.allocate(4096);
        do {
            int n;
            while ((n = channel.read(in)) > 0) {
                // keep reading what is there
            }
            if (n < 0) {
                return new String(in.array(), 0, in.position(), StandardCharsets.UTF_8).strip();
            }
            Thread.sleep(5);
        } while (System.nanoTime() < deadlineNanos);
        return null;
    }

    private static String readLine(SocketChannel channel) throws Exception {
        channel.configureBlocking(true);
        ByteBuffer in = ByteBuffer.allocate(4096);
        while (in.position() == 0 || in.get(in.position() - 1) != '\n') {
            assertThat(channel.read(in)).isPositive();
        }
        return new String(in.array(), 0, in.position(), StandardCharsets.UTF_8);
    }
}
