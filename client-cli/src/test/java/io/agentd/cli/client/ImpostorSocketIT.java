package io.agentd.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A socket served by another user is refused before anything is sent: an impostor that replaced the daemon's
 * socket learns nothing and cannot answer (every client, agentctl and the MCP approvals server, connects
 * through {@link DaemonClient}). Needs root (to run the impostor as user 65534) plus setpriv and python3, as
 * the daemon's own RpcPeerCredentialsIT; skipped elsewhere.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ImpostorSocketIT {
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String IMPOSTOR = """
            import os, socket, sys
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.bind(sys.argv[1])
            s.listen(1)
            print('LISTENING', flush=True)
            c, _ = s.accept()
            c.settimeout(10)
            got = b''
            try:
                while True:
                    chunk = c.recv(4096)
                    if not chunk:
                        break
                    got += chunk
                    c.sendall(b'{"jsonrpc":"2.0","result":{"status":"ok","version":"fake"},"id":1}\\n')
            except OSError:
                pass
            print('RECEIVED %d' % len(got), flush=True)
            """;

    @Test
    void refusesASocketServedByAnotherUserBeforeSendingAnything() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to act as another user");
        assumeTrue(Files.isExecutable(SETPRIV) && Files.isExecutable(PYTHON), "needs setpriv and python3");
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "agentctl-impostor");
        try {
            // A folder another user can write to: the situation the daemon refuses, here set up by hand.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path socket = dir.resolve("daemon.sock");
            Process impostor = new ProcessBuilder(SETPRIV.toString(), "--reuid=65534", "--regid=65534",
                    "--clear-groups", PYTHON.toString(), "-c", IMPOSTOR, socket.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(impostor.getInputStream(),
                    StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).isEqualTo("LISTENING");

                assertThatThrownBy(() -> {
                    try (DaemonClient client = DaemonClient.connect(socket)) {
                        client.call("health", null);
                    }
                }).isInstanceOf(DaemonConnectionException.class)
                        .hasMessageContaining("refusing to talk to " + socket + ": it is served by user ")
                        .hasMessageContaining("another user may have replaced the daemon's socket");

                assertThat(out.readLine()).isEqualTo("RECEIVED 0");
            } finally {
                impostor.destroyForcibly();
                impostor.waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
