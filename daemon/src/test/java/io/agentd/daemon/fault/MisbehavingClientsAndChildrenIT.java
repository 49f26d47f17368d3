package io.agentd.daemon.fault;

import io.agentd.daemon.session.FakeClaudeDaemon;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeclaude.FakeClaude;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that misbehave (never write, never read, vanish, stay idle by the thousand) and a child that
 * ignores SIGINT when the daemon shuts down. Crashes, garbage and huge lines of children are in
 * MisbehavingClaudeIT, a child hanging past the session idle timeout in SessionIdleTimeoutIT.
 */
class MisbehavingClientsAndChildrenIT {
    private static final String INIT = "{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"c1\",\"model\":\"m\"}";

    private FakeClaudeDaemon agentd;

    @BeforeEach
    void setUp() throws Exception {
        agentd = new FakeClaudeDaemon();
    }

    @AfterEach
    void tearDown() throws Exception {
        agentd.close();
    }

    @Test
    void sigtermWithAChildIgnoringSigintExitsWithinTheShutdownTimeoutAndEndsItInterrupted() throws Exception {
        agentd.fake(FakeClaude.builder().stdout(INIT).hangIgnoringSigint());
        DaemonProcess daemon = agentd.start("--shutdown-timeout", "2s");
        String id = agentd.launch("ignore SIGINT");
        agentd.awaitRawEvents(id, 1);
        long group = agentd.processGroup(id);

        long start = System.nanoTime();
        daemon.signal("TERM");
        assertThat(daemon.awaitExit(Duration.ofSeconds(15))).as(daemon.stderr()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2 + 5));

        assertThat(FakeClaudeDaemon.awaitGone(group)).as("the child was killed").isTrue();
        assertThat(agentd.queryLong("SELECT COUNT(*) FROM sessions WHERE id = ? AND status = 'interrupted'", id))
                .isEqualTo(1);
    }

    @Test
    void silentIdleDeadAndSlowClientsDoNotHoldUpOthers() throws Exception {
        agentd.fake(FakeClaude.builder().stdoutSlowly(Duration.ofMillis(2), lines(3_000)).exit(0));
        DaemonProcess daemon = agentd.start();
        long pid = daemon.process().pid();
        long rssBefore = Faults.rssKib(pid);

        // 1,000 idle connections, one that sent half a request, a subscriber that never reads, one that vanishes.
        List<SocketChannel> idle = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
            c.connect(UnixDomainSocketAddress.of(daemon.socket()));
            idle.add(c);
        }
        SocketChannel half = SocketChannel.open(StandardProtocolFamily.UNIX);
        half.connect(UnixDomainSocketAddress.of(daemon.socket()));
        half.write(ByteBuffer.wrap("{\"jsonrpc\":\"2.0\",\"method\":\"hea".getBytes(StandardCharsets.UTF_8)));
        LineClient stuck = agentd.client();
        stuck.send("{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"params\":{\"since_seq\":0},\"id\":1}");
        LineClient vanishing = agentd.client();
        vanishing.send("{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"params\":{\"since_seq\":0},\"id\":1}");
        vanishing.readLine();
        vanishing.close();
        Faults.RecordingSubscriber live = new Faults.RecordingSubscriber(agentd.client());

        // A session floods events past every subscriber buffer while others keep asking.
        String id = agentd.launch("many lines");
        try (LineClient client = agentd.client()) {
            for (int i = 0; i < 200; i++) {
                assertThat(client.result("health", null).path("status").asString()).isEqualTo("ok");
                assertThat(client.result("getSessionState", Map.of("session_id", id)).path("session").path("id")
                        .asString()).isEqualTo(id);
            }
        }
        JsonNode session = agentd.awaitEnd(id);
        assertThat(session.path("status").asString()).isEqualTo("failed");

        // The reading subscriber got every event of the session, the stuck one did not block it.
        long stored;
        try (Connection db = agentd.database(); ResultSet rs = db.createStatement().executeQuery("SELECT MAX(seq) FROM events")) {
            rs.next();
            stored = rs.getLong(1);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!live.events.containsKey(stored) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(live.events).hasSize((int) stored);
        assertThat((Faults.rssKib(pid) - rssBefore) / 1024).as("RSS growth, MiB").isLessThan(300);

        // Every idle connection is still served, then hangs up cleanly.
        for (int i = 0; i < idle.size(); i += 50) {
            SocketChannel c = idle.get(i);
            c.write(ByteBuffer.wrap("{\"jsonrpc\":\"2.0\",\"method\":\"health\",\"id\":1}\n".getBytes(StandardCharsets.UTF_8)));
            ByteBuffer in = ByteBuffer.allocate(4096);
            while (in.position() == 0 || in.get(in.position() - 1) != '\n') {
                assertThat(c.read(in)).isPositive();
            }
            assertThat(new String(in.array(), 0, in.position(), StandardCharsets.UTF_8)).contains("\"status\":\"ok\"");
        }
        for (SocketChannel c : idle) {
            c.close();
        }
        half.close();
        stuck.close();
        live.close();
        try (LineClient client = agentd.client()) {
            assertThat(client.result("health", null).path("status").asString()).isEqualTo("ok");
        }
        assertThat(daemon.stderr()).doesNotContain("connection failed").doesNotContain("Exception in thread");
    }

    private static List<String> lines(int n) {
        List<String> out = new ArrayList<>(n + 1);
        out.add(INIT);
        for (int i = 0; i < n; i++) {
            out.add("{\"type\":\"assistant\",\"session_id\":\"c1\",\"message\":{\"id\":\"m" + i + "\",\"role\":\"assistant\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"line " + i + "\"}]}}");
        }
        return out;
    }
}
