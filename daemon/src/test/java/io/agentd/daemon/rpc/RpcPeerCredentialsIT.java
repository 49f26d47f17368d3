package io.agentd.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client running as another user is refused even when file permissions would let it in. Needs root (to
 * switch to user 65534) plus setpriv and python3 for the foreign client; skipped elsewhere.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RpcPeerCredentialsIT {
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String CLIENT = """
            import socket, sys
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(sys.argv[1])
            try:
                s.sendall(b'{"jsonrpc":"2.0","method":"none","id":1}\\n')
                data = s.recv(4096)
            except OSError:
                data = b''
            print('ANSWERED' if data else 'REFUSED')
            """;

    @Test
    void refusesOtherUsers() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to act as another user");
        assumeTrue(Files.isExecutable(SETPRIV) && Files.isExecutable(PYTHON), "needs setpriv and python3");
        try (SocketDir dir = new SocketDir();
             RpcServer server = RpcServer.start(dir.socket(), TestMethods.basic(), RpcServerOptions.defaults())) {
            // Open the file system path so only the credential check stands in the way.
            Files.setPosixFilePermissions(dir.root(), PosixFilePermissions.fromString("rwx--x--x"));
            Files.setPosixFilePermissions(dir.socket().getParent(), PosixFilePermissions.fromString("rwx--x--x"));
            Files.setPosixFilePermissions(dir.socket(), PosixFilePermissions.fromString("rw-rw-rw-"));
            assertThat(runAsNobody(dir.socket())).isEqualTo("REFUSED");
            try (RpcTestClient own = RpcTestClient.connect(dir.socket())) {
                assertThat(own.call("{\"jsonrpc\":\"2.0\",\"method\":\"none\",\"id\":1}")).contains("\"ok\"");
            }
            assertThat(server.activeConnections()).isLessThanOrEqualTo(1);
        }
    }

    private static String runAsNobody(Path socket) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(SETPRIV.toString(), "--reuid=65534", "--regid=65534", "--clear-groups",
                PYTHON.toString(), "-c", CLIENT, socket.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
