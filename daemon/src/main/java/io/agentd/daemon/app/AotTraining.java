package io.agentd.daemon.app;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A short run of the daemon on a throw-away socket and database, used by {@code bin/agentd} to record a
 * JDK AOT cache ({@code -XX:AOTCacheOutput}): start-up, migrations, one request, shutdown. With the
 * cache the daemon answers its first request in roughly half the time.
 */
final class AotTraining {
    static final String FLAG = "--aot-training";

    private AotTraining() {
    }

    static int run(Map<String, String> env, Path home) {
        Path dir;
        try {
            dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "agentd-aot");
        } catch (IOException e) {
            System.err.println("agentd: AOT training: " + e.getMessage());
            return 1;
        }
        try {
            AgentdCommand command = new AgentdCommand();
            new picocli.CommandLine(command).parseArgs("--socket", dir.resolve("d.sock").toString(),
                    "--db", dir.resolve("agentd.db").toString(), "--log-dir", dir.resolve("logs").toString(),
                    "--spool-dir", dir.resolve("spool").toString(), "--log-level", "warn", "--approvals-command", "",
                    "--http-port", "0");
            DaemonConfig config = command.resolve(Map.of(), home);
            Logging.configure(Logging.parseLevel(config.logLevel()), config.logDir());
            try (Daemon daemon = Daemon.start(config, env, home)) {
                for (String method : List.of("health", "listSessions", "getSessionLeaves", "nope")) {
                    request(daemon.socketPath(), method);
                }
                // The HTTP server's classes (Jetty, the router) belong in the cache too.
                httpGet(daemon.httpPort().orElseThrow(), "/api/v1/health");
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("agentd: AOT training failed: " + e.getMessage());
            return 1;
        } finally {
            deleteTree(dir);
        }
    }

    private static void request(Path socket, String method) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":{},\"id\":1}\n")
                    .getBytes(StandardCharsets.UTF_8)));
            ByteBuffer reply = ByteBuffer.allocate(1 << 16);
            while (channel.read(reply) > 0 && reply.get(reply.position() - 1) != '\n') {
                // read the whole answer line
            }
        }
    }

    private static void httpGet(int port, String path) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().readAllBytes();
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temp folder left behind is harmless.
        }
    }
}
