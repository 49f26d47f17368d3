package io.agentd.daemon.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --socket} only ever replaces a stale socket: a file, a folder or a link at the path is refused and
 * left as it was, and so is a socket folder that would let another user replace the socket.
 */
class SocketPathIT {
    private Path dir;

    @BeforeEach
    void setUp() throws Exception {
        dir = DaemonProcess.tempDir();
    }

    @AfterEach
    void tearDown() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private DaemonProcess start(Path socket) throws Exception {
        return DaemonProcess.start(dir, socket, dir.resolve("agentd.db"), List.of(), Map.of());
    }

    @Test
    void aRegularFileAtTheSocketPathIsRefusedAndKept() throws Exception {
        Path file = dir.resolve("some.db");
        Files.writeString(file, "precious data");
        try (DaemonProcess daemon = start(file)) {
            assertThat(daemon.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(daemon.stderr()).contains("refusing socket path " + file + ": it is a regular file, not a socket");
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("precious data");
        assertThat(dir.resolve("agentd.db")).as("refused before the database is touched").doesNotExist();
    }

    @Test
    void aFolderOrALinkAtTheSocketPathIsRefusedAndKept() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("empty"));
        try (DaemonProcess daemon = start(folder)) {
            assertThat(daemon.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(daemon.stderr()).contains("it is a folder, not a socket");
        }
        assertThat(folder).isEmptyDirectory();

        Path target = Files.writeString(dir.resolve("target"), "kept");
        Path link = Files.createSymbolicLink(dir.resolve("link.sock"), target);
        try (DaemonProcess daemon = start(link)) {
            assertThat(daemon.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(daemon.stderr()).contains("it is a symbolic link, not a socket");
        }
        assertThat(link).isSymbolicLink();
        assertThat(Files.readString(target)).isEqualTo("kept");
    }

    @Test
    void aStaleSocketIsStillReplaced() throws Exception {
        Path socket = dir.resolve("run/daemon.sock");
        try (DaemonProcess first = start(socket)) {
            first.awaitReady(Duration.ofSeconds(30));
            first.signal("KILL");
            first.awaitExit(Duration.ofSeconds(10));
        }
        assertThat(socket).exists();
        try (DaemonProcess second = start(socket)) {
            second.awaitReady(Duration.ofSeconds(30));
            assertThat(second.stderr()).contains("removing stale socket " + socket);
        }
    }

    @Test
    void aSocketFolderOfAnotherUserIsRefused() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        // Owned by another uid (nobody), as the folder of another user would be; needs root, which the
        // test runs as (as RpcPeerCredentialsIT), to hand the folder over.
        Files.setAttribute(shared, "unix:uid", 65534);
        try (DaemonProcess daemon = start(shared.resolve("daemon.sock"))) {
            assertThat(daemon.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(daemon.stderr()).contains("refusing socket folder " + shared + ": it belongs to user 65534");
        }
        assertThat(shared.resolve("daemon.sock")).doesNotExist();
    }

    @Test
    void aWorldWritableFolderOfTheDaemonsOwnUserIsFixed() throws Exception {
        Path own = Files.createDirectory(dir.resolve("own"));
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (DaemonProcess daemon = start(own.resolve("daemon.sock"))) {
            daemon.awaitReady(Duration.ofSeconds(30));
            assertThat(daemon.stderr()).contains("socket folder " + own + " was writable by others (rwxrwxrwx);"
                    + " now rwxr-xr-x");
            try (LineClient client = daemon.client()) {
                assertThat(client.result("health", null).path("status").asString()).isEqualTo("ok");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(own))).isEqualTo("rwxr-xr-x");
    }
}
