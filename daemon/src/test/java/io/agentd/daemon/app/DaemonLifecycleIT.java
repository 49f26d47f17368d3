package io.agentd.daemon.app;

import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The daemon as users run it: a real process, a real socket, a real database file. */
class DaemonLifecycleIT {
    private static final Duration READY = Duration.ofSeconds(30);
    private final List<DaemonProcess> daemons = new ArrayList<>();
    private Path dir;

    @BeforeEach
    void setUp() throws IOException {
        dir = DaemonProcess.tempDir();
    }

    @AfterEach
    void tearDown() throws IOException {
        daemons.forEach(DaemonProcess::close);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private DaemonProcess start(List<String> args, Map<String, String> env) throws IOException {
        DaemonProcess d = DaemonProcess.start(dir, args, env);
        daemons.add(d);
        return d;
    }

    @Test
    void servesHealthWithWhatAUserNeedsAndKeepsStdoutClean() throws Exception {
        DaemonProcess daemon = start(List.of(), Map.of("HUMANLAYER_CLAUDE_PATH", "/nonexistent/claude"));
        Duration ready = daemon.awaitReady(READY);
        System.out.printf("daemon start to first answered health: %d ms%n", ready.toMillis());
        try (LineClient client = daemon.client()) {
            JsonNode health = client.result("health", null);
            assertThat(health.path("status").asString()).isEqualTo("ok");
            assertThat(health.path("version").asString()).isNotBlank();
            assertThat(health.path("uptime_ms").asLong()).isNotNegative();
            assertThat(health.path("active_sessions").asInt()).isZero();
            assertThat(health.path("claude").path("available").asBoolean()).isFalse();
            assertThat(health.path("claude").path("error").asString()).contains("/nonexistent/claude");
        }
        daemon.signal("TERM");
        assertThat(daemon.awaitExit(Duration.ofSeconds(20))).isZero();
        assertThat(daemon.stdout()).isEmpty();
    }

    @Test
    void socketDirectoryIsPrivateAndSocketIsOwnerOnly() throws Exception {
        DaemonProcess daemon = start(List.of(), Map.of());
        daemon.awaitReady(READY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(daemon.socket().getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(daemon.socket()))).isEqualTo("rw-------");
    }

    @Test
    void sigtermRemovesTheSocketClosesTheStoreAndExitsZero() throws Exception {
        DaemonProcess daemon = start(List.of(), Map.of());
        daemon.awaitReady(READY);
        daemon.signal("TERM");
        assertThat(daemon.awaitExit(Duration.ofSeconds(20))).isZero();
        assertThat(daemon.socket()).doesNotExist();
        // A clean close checkpoints the WAL: the database file alone holds everything.
        Path wal = Path.of(daemon.database() + "-wal");
        assertThat(!Files.exists(wal) || Files.size(wal) == 0).as("WAL folded back").isTrue();
        assertThat(daemon.stderr()).contains("stopped");
    }

    @Test
    void sigintAlsoShutsDownCleanly() throws Exception {
        DaemonProcess daemon = start(List.of(), Map.of());
        daemon.awaitReady(READY);
        daemon.signal("INT");
        assertThat(daemon.awaitExit(Duration.ofSeconds(20))).isZero();
        assertThat(daemon.socket()).doesNotExist();
    }

    @Test
    void aSecondInstanceIsRefusedAndTheFirstKeepsServing() throws Exception {
        DaemonProcess first = start(List.of(), Map.of());
        first.awaitReady(READY);
        Path otherDir = Files.createDirectories(dir.resolve("second"));
        DaemonProcess second = DaemonProcess.start(otherDir, first.socket(), otherDir.resolve("other.db"), List.of(), Map.of());
        daemons.add(second);
        assertThat(second.awaitExit(Duration.ofSeconds(30))).isNotZero();
        assertThat(second.stderr()).contains("daemon already running at " + first.socket());
        assertThat(otherDir.resolve("other.db")).as("refused before touching its database").doesNotExist();
        try (LineClient client = first.client()) {
            assertThat(client.result("health", null).path("status").asString()).isEqualTo("ok");
        }
    }

    @Test
    void aStaleSocketFileIsReplaced() throws Exception {
        Path socket = dir.resolve("run/daemon.sock");
        Files.createDirectories(socket.getParent());
        // Bind and close without unlinking: the file stays, nobody answers (a crashed daemon's leftover).
        try (ServerSocketChannel stale = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stale.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();
        DaemonProcess daemon = start(List.of(), Map.of());
        daemon.awaitReady(READY);
        assertThat(daemon.answers()).isTrue();
    }

    @Test
    void aForeignDatabaseIsRefusedAndLeftUntouched() throws Exception {
        Path db = dir.resolve("agentd.db");
        Files.writeString(db, "this is my diary, not a database\n".repeat(100));
        byte[] before = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(db));
        DaemonProcess daemon = start(List.of(), Map.of());
        assertThat(daemon.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
        assertThat(daemon.stderr()).contains("is not a SQLite database");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(db))))
                .isEqualTo(HexFormat.of().formatHex(before));
        assertThat(daemon.socket()).doesNotExist();
    }

    @Test
    void environmentSelectsSocketAndDatabaseAndFlagsWin() throws Exception {
        Path envSocket = dir.resolve("env/d.sock");
        Path envDb = dir.resolve("env.db");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-jar", DaemonProcess.daemonJar().toString(),
                "--log-dir", dir.resolve("logs").toString(), "--spool-dir", dir.resolve("spool").toString(),
                "--no-http"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("env-out.log").toFile());
        builder.environment().put("HUMANLAYER_DAEMON_SOCKET", envSocket.toString());
        builder.environment().put("HUMANLAYER_DATABASE_PATH", envDb.toString());
        builder.environment().put("HOME", dir.toString());
        Process p = builder.start();
        try {
            long deadline = System.nanoTime() + READY.toNanos();
            while (!Files.exists(envSocket) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(envSocket).exists();
            assertThat(envDb).exists();
        } finally {
            p.destroy();
            p.waitFor();
        }
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void badCommandLineIsAClearErrorWithExitTwo() throws Exception {
        DaemonProcess daemon = start(List.of("--log-level", "loud"), Map.of());
        assertThat(daemon.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
        assertThat(daemon.stderr()).contains("unknown log level 'loud'");
    }
}
