package io.agentd.bench;

import io.agentd.daemon.claude.ClaudeLocator;
import io.agentd.daemon.health.HealthService;
import io.agentd.daemon.rpc.methods.HealthRpcBindings;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.RpcServer;
import io.agentd.daemon.rpc.RpcServerOptions;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code health} over the socket against the daemon's RpcServer in this JVM: round-trip p50/p99 on one
 * connection, and requests/s with 8 and 64 connections, each connection closed-loop (one request in flight,
 * not pipelined). Baseline: the same client against a bare Unix-socket echo server in this JVM (one virtual
 * thread per connection, as RpcServer).
 */
final class RpcBench {
    private static final byte[] HEALTH = RawClient.request("health", "{}");

    private RpcBench() {
    }

    static List<Row> run(Bench.Settings settings) throws Exception {
        Duration phase = Bench.pick(settings, Duration.ofSeconds(1), Duration.ofSeconds(5));
        int latencySamples = settings.quick() ? 10_000 : 100_000;
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "agentd-bench-rpc");
        try {
            MethodRegistry registry = new MethodRegistry();
            Clock clock = Clock.systemUTC();
            new HealthRpcBindings(new HealthService("bench", clock.instant(), clock, new ClaudeLocator(null, Map.of(), dir),
                    () -> 0, () -> io.agentd.store.StoreHealth.OK,
                    new io.agentd.daemon.session.ApprovalsServerCheck(List.of(), Map.of(), dir)::status)).register(registry);
            long[] agentdLatency;
            double[] agentdRate;
            try (RpcServer server = RpcServer.start(dir.resolve("d.sock"), registry, RpcServerOptions.defaults())) {
                agentdLatency = latency(server.socketPath(), latencySamples);
                agentdRate = new double[] {rate(server.socketPath(), 8, phase), rate(server.socketPath(), 64, phase)};
            }
            long[] echoLatency;
            double[] echoRate;
            try (EchoServer echo = EchoServer.start(dir.resolve("e.sock"))) {
                echoLatency = latency(echo.path, latencySamples);
                echoRate = new double[] {rate(echo.path, 8, phase), rate(echo.path, 64, phase)};
            }
            String note = "bare UDS echo server, same JVM and client";
            String closed = "closed loop, 1 in flight per conn; " + note;
            return List.of(
                    Row.cost("rpc health p50, 1 connection", agentdLatency[0] / 1e3, echoLatency[0] / 1e3, "µs", 100, note),
                    Row.cost("rpc health p99, 1 connection", agentdLatency[1] / 1e3, echoLatency[1] / 1e3, "µs", 0, note),
                    Row.rate("rpc health, 8 connections", agentdRate[0], echoRate[0], "req/s", 30_000, closed),
                    Row.rate("rpc health, 64 connections", agentdRate[1], echoRate[1], "req/s", 30_000, closed));
        } finally {
            Files2.deleteTree(dir);
        }
    }

    /** p50 and p99 in nanoseconds of sequential round trips, after as many again for warm-up. */
    private static long[] latency(Path socket, int samples) throws IOException {
        try (RawClient client = RawClient.connect(socket)) {
            for (int i = 0; i < samples; i++) {
                client.call(HEALTH);
            }
            long[] took = new long[samples];
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                client.call(HEALTH);
                took[i] = System.nanoTime() - t0;
            }
            Arrays.sort(took);
            return new long[] {took[samples / 2], took[(int) Math.ceil(samples * 0.99) - 1]};
        }
    }

    /** Requests per second with {@code connections} clients, each on its own platform thread. */
    private static double rate(Path socket, int connections, Duration phase) throws Exception {
        List<RawClient> clients = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            clients.add(RawClient.connect(socket));
        }
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        long warmup = Math.min(1_000_000_000L, phase.toNanos() / 4);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (RawClient client : clients) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    long start = System.nanoTime();
                    long from = start + warmup;
                    long until = from + phase.toNanos();
                    long n = 0;
                    long now;
                    while ((now = System.nanoTime()) < until) {
                        client.call(HEALTH);
                        if (now >= from) {
                            n++;
                        }
                    }
                    done.addAndGet(n);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        for (RawClient c : clients) {
            c.close();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("rpc client failed", failure.get());
        }
        return done.get() / (phase.toNanos() / 1e9);
    }

    /** Writes back whatever it reads, one virtual thread per connection. */
    static final class EchoServer implements AutoCloseable {
        final Path path;
        private final ServerSocketChannel listener;
        private final Thread acceptor;

        private EchoServer(Path path, ServerSocketChannel listener) {
            this.path = path;
            this.listener = listener;
            this.acceptor = Thread.ofVirtual().name("echo-accept").start(this::accept);
        }

        static EchoServer start(Path path) throws IOException {
            ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            listener.bind(UnixDomainSocketAddress.of(path), 256);
            return new EchoServer(path, listener);
        }

        private void accept() {
            while (listener.isOpen()) {
                try {
                    SocketChannel channel = listener.accept();
                    Thread.ofVirtual().start(() -> echo(channel));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void echo(SocketChannel channel) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            try (channel) {
                while (channel.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    buffer.clear();
                }
            } catch (IOException e) {
                // client gone
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            acceptor.interrupt();
            Files.deleteIfExists(path);
        }
    }
}
