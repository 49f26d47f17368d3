package io.agentd.daemon.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.daemon.session.FakeClaudeDaemon;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.fakeclaude.FakeClaude;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every file the daemon writes is its user's alone (0600), whatever the umask and the folder's mode, and
 * files an older daemon left readable are tightened at start: they hold prompts, tool results and the MCP
 * servers' environment.
 */
class PrivateFilesIT {
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
    void everyFileIsCreatedOwnerOnlyInAnOpenFolder() throws Exception {
        // An existing 0755 folder, as a home directory usually is: it says nothing about the files in it.
        Files.setPosixFilePermissions(agentd.dir(), PosixFilePermissions.fromString("rwxr-xr-x"));
        agentd.fake(FakeClaude.builder().stdout(INIT).stderr("some stderr").exit(0));
        agentd.start();
        String id = agentd.launch("secret prompt");
        agentd.awaitEnd(id);
        Path db = agentd.dir().resolve("agentd.db");

        List<Path> files = List.of(db, sibling(db, "-wal"), sibling(db, "-shm"), sibling(db, ".lock"),
                agentd.dir().resolve("logs/agentd.log"), agentd.spool(id).resolve("stdout"),
                agentd.spool(id).resolve("stderr"));
        for (Path file : files) {
            assertThat(file).exists();
            assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
        }
    }

    @Test
    void filesAnOlderDaemonLeftReadableAreTightenedAtStartAndTheLogSaysSo() throws Exception {
        DaemonProcess first = agentd.start("--detach-sessions");
        first.signal("KILL");
        first.awaitExit(Duration.ofSeconds(10));
        Path db = agentd.dir().resolve("agentd.db");
        List<Path> files = List.of(db, sibling(db, "-wal"), sibling(db, "-shm"), sibling(db, ".lock"),
                agentd.dir().resolve("logs/agentd.log"));
        for (Path file : files) {
            assertThat(file).exists();
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }

        DaemonProcess second = agentd.start();
        try (var client = second.client()) {
            assertThat(client.result("listSessions", Map.of()).isObject()).isTrue();
        }
        for (Path file : files) {
            assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
        }
        assertThat(second.stderr()).contains("tightened " + db + " from rw-r--r-- to rw-------");
    }

    private static Path sibling(Path db, String suffix) {
        return db.resolveSibling(db.getFileName() + suffix);
    }

    private static String mode(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
