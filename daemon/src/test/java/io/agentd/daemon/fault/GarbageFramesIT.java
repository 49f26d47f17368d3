package io.agentd.daemon.fault;

import io.agentd.daemon.session.FakeClaudeDaemon;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeclaude.FakeClaude;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100,000 random, malformed, truncated, deeply nested and oversized frames from 50 connections at once: the
 * daemon answers each with an error, stays up with bounded memory, and serves real requests afterwards.
 */
class GarbageFramesIT {
    private static final int CONNECTIONS = 50;
    private static final int FRAMES = 100_000;
    private static final int MAX_LINE = 64 * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] VALID = "{\"jsonrpc\":\"2.0\",\"method\":\"getSessionState\",\"params\":{\"session_id\":\"x\"},\"id\":7}"
            .getBytes(StandardCharsets.UTF_8);

    private FakeClaudeDaemon agentd;
    private final AtomicLong responses = new AtomicLong();
    private final AtomicLong deepFrames = new AtomicLong();

    @BeforeEach
    void setUp() throws Exception {
        agentd = new FakeClaudeDaemon();
    }

    @AfterEach
    void tearDown() throws Exception {
        agentd.close();
    }

    @Test
    void garbageFromFiftyConnectionsLeavesTheDaemonUpAndCorrect() throws Exception {
        agentd.fake(FakeClaude.builder().stdout("{\"type\":\"system\",\"subtype\":\"init\"}").exit(0));
        DaemonProcess daemon = agentd.start();
        long pid = daemon.process().pid();
        try (LineClient warm = agentd.client()) {
            for (int i = 0; i < 200; i++) {
                warm.result("health", null);
            }
        }
        long rssBefore = Faults.rssKib(pid);

        // Two rounds of the same garbage. While it arrives RSS grows with the heap the JVM expands to (the daemon
        // sets no maximum heap; 50 connections may each hold a line of up to 64 MiB). What must stay bounded is
        // what is left once the garbage is collected: the live heap (a leak per frame or per connection would
        // show there), and the RSS once the heap has shrunk back. The serial collector shrinks the heap over
        // successive full collections (0 %, 10 %, 40 %, then 100 % of the excess), so the test runs four.
        long rssFirstRound = 0;
        for (int round = 0; round < 2; round++) {
            garbageRound(round);
            if (round == 0) {
                rssFirstRound = Faults.rssKib(pid);
            }
        }
        long rssSecondRound = Faults.rssKib(pid);
        System.out.printf("daemon RSS: %d MiB before, %d MiB after round 1, %d MiB after round 2%n", rssBefore / 1024,
                rssFirstRound / 1024, rssSecondRound / 1024);

        assertThat(daemon.process().isAlive()).as(daemon.stderr()).isTrue();
        assertThat(responses.get()).as("error answers to garbage").isGreaterThan(FRAMES / 2);
        assertThat(deepFrames.get()).isPositive();
        try (LineClient client = agentd.client()) {
            assertThat(client.result("health", null).path("status").asString()).isEqualTo("ok");
            JsonNode missing = client.call("getSessionState", Map.of("session_id", "no-such-session"));
            assertThat(missing.path("error").path("message").asString()).contains("no-such-session");
            assertThat(client.result("listSessions", null).get("sessions").size()).as("sessions launched by garbage")
                    .isZero();
        }
        String id = agentd.launch("still works");
        assertThat(agentd.awaitEnd(id).path("status").asString()).isIn("completed", "failed");
        long liveHeap = 0;
        for (int collection = 0; collection < 4; collection++) {
            liveHeap = liveHeapMib(pid);
        }
        long rssAfterGc = Faults.rssKib(pid);
        System.out.printf("daemon after four full GCs: live heap %d MiB, RSS %d MiB%n", liveHeap, rssAfterGc / 1024);
        assertThat(liveHeap).as("live heap after a full GC, MiB").isLessThan(100);
        assertThat((rssAfterGc - rssBefore) / 1024).as("RSS growth after the heap shrank, MiB").isLessThan(512);
        assertThat(daemon.stderr()).doesNotContain("StackOverflowError").doesNotContain("OutOfMemoryError");
    }

    /** Runs a full collection in the daemon and returns the heap still used, from {@code jcmd GC.heap_info}. */
    private static long liveHeapMib(long pid) throws Exception {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
        long kib = 0;
        while (used.find()) {
            kib += Long.parseLong(used.group(1));
        }
        assertThat(kib).as(info).isPositive();
        return kib / 1024;
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private void garbageRound(int round) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS * 2);
        List<Future<?>> senders = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            long seed = 1_000 * round + c;
            senders.add(pool.submit(() -> {
                flood(new Random(seed), pool, FRAMES / 2 / CONNECTIONS);
                return null;
            }));
        }
        for (Future<?> sender : senders) {
            sender.get(120, TimeUnit.SECONDS);
        }
        // Lines over the 64 MiB limit, each ending its connection with an error.
        for (int i = 0; i < 2; i++) {
            assertThat(oversized()).contains("Request too large");
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    /** Writes frames on one connection while a second thread reads every answer and checks it is JSON-RPC. */
    private void flood(Random random, ExecutorService pool, int frames) throws Exception {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(agentd.daemon().socket()));
            Future<?> reader = pool.submit(() -> {
                drain(channel);
                return null;
            });
            ByteArrayOutputStream chunk = new ByteArrayOutputStream();
            for (int i = 0; i < frames; i++) {
                chunk.write(frame(random));
                chunk.write('\n');
                if (chunk.size() > 64 * 1024 || i == frames - 1) {
                    write(channel, chunk.toByteArray());
                    chunk.reset();
                }
            }
            // A good request after all that garbage still gets its real answer on the same connection.
            write(channel, (new String(VALID, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
            channel.shutdownOutput();
            reader.get(120, TimeUnit.SECONDS);
        }
    }

    private void drain(SocketChannel channel) throws IOException {
        InputStream in = Channels.newInputStream(channel);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean sawValidAnswer = false;
        int b;
        while ((b = in.read()) >= 0) {
            if (b != '\n') {
                line.write(b);
                continue;
            }
            JsonNode response = JSON.readTree(line.toByteArray());
            line.reset();
            responses.incrementAndGet();
            if (response.isArray()) {
                response.forEach(r -> assertThat(r.has("error") || r.has("result")).as(r.toString()).isTrue());
            } else if (response.path("id").asLong(-1) == 7) {
                assertThat(response.path("error").path("message").asString()).contains("session not found");
                sawValidAnswer = true;
            } else {
                assertThat(response.has("error")).as(response.toString()).isTrue();
            }
        }
        assertThat(sawValidAnswer).as("answer to the good request after the garbage").isTrue();
    }

    private byte[] frame(Random random) {
        int kind = random.nextInt(100);
        if (kind < 30) {
            return randomBytes(random, 1 + random.nextInt(512));
        }
        if (kind < 55) {
            return java.util.Arrays.copyOf(VALID, random.nextInt(VALID.length));
        }
        if (kind < 70) {
            // Invalid UTF-8 inside a string and in place of a key.
            byte[] bad = {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0x28, (byte) 0xed, (byte) 0xa0, (byte) 0x80};
            String head = random.nextBoolean() ? "{\"jsonrpc\":\"2.0\",\"method\":\"health\",\"params\":{\"x\":\""
                    : "{\"jsonrpc\":\"2.0\",\"";
            return concat(head.getBytes(StandardCharsets.UTF_8), bad, "\"},\"id\":1}".getBytes(StandardCharsets.UTF_8));
        }
        if (kind < 71) {
            deepFrames.incrementAndGet();
            int depth = 2_000 + random.nextInt(50_000);
            boolean arrays = random.nextBoolean();
            StringBuilder s = new StringBuilder(depth * 6);
            s.append("{\"jsonrpc\":\"2.0\",\"method\":\"health\",\"id\":1,\"params\":");
            s.append((arrays ? "[" : "{\"a\":").repeat(depth)).append('1').append((arrays ? "]" : "}").repeat(depth));
            return s.append('}').toString().getBytes(StandardCharsets.UTF_8);
        }
        if (kind < 85) {
            // A batch of garbage: non-objects, bad envelopes, unknown methods, notifications, streaming methods.
            return ("[1,\"x\",null,{},{\"jsonrpc\":\"1.0\",\"method\":\"health\",\"id\":1},{\"jsonrpc\":\"2.0\",\"method\":42,"
                    + "\"id\":2},{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":3},{\"jsonrpc\":\"2.0\",\"method\":\"health\"},"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"id\":4},{\"jsonrpc\":\"2.0\",\"method\":\"launchSession\","
                    + "\"params\":{\"max_turns\":\"many\"},\"id\":5},{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"health\"}]")
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (kind < 95) {
            // Well-formed JSON that is no request: wrong types, unknown methods, bad params.
            String[] shapes = {"42", "\"health\"", "true", "null", "[]", "{}", "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":1}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"getConversation\",\"params\":[1,2],\"id\":1}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"launchSession\",\"params\":{\"max_turns\":-1},\"id\":1}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"getSessionState\",\"params\":{\"session_id\":1e999999},\"id\":1}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"health\",\"id\":1} trailing"};
            return shapes[random.nextInt(shapes.length)].getBytes(StandardCharsets.UTF_8);
        }
        // Long, but under the limit: a 1 MiB string that is never closed.
        byte[] big = new byte[256 * 1024 + random.nextInt(768 * 1024)];
        java.util.Arrays.fill(big, (byte) 'a');
        return concat("{\"jsonrpc\":\"2.0\",\"method\":\"health\",\"params\":{\"s\":\"".getBytes(StandardCharsets.UTF_8), big);
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == '\n') {
                bytes[i] = 'x';
            }
        }
        return bytes;
    }

    /** Sends a line longer than the daemon's limit; returns what the daemon answered before it hung up. */
    private String oversized() throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(agentd.daemon().socket()));
            ByteBuffer block = ByteBuffer.allocate(1024 * 1024);
            while (block.hasRemaining()) {
                block.put((byte) '[');
            }
            // The daemon refuses the line once it is over the limit but reads (and drops) the rest, so the
            // whole write goes through and the error is there to read afterwards.
            for (long sent = 0; sent <= MAX_LINE + 1024 * 1024; sent += block.capacity()) {
                block.clear();
                while (block.hasRemaining()) {
                    channel.write(block);
                }
            }
            InputStream in = Channels.newInputStream(channel);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                line.write(b);
            }
            return line.toString(StandardCharsets.UTF_8);
        }
    }

    private static void write(SocketChannel channel, byte[] bytes) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(bytes);
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
