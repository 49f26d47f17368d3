package io.agentd.cli.app;

import io.agentd.cli.client.SocketPathResolver;
import io.agentd.cli.command.CliContext;
import io.agentd.cli.client.DaemonClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * A short run of the usual commands against a stand-in daemon on a throw-away socket, used by
 * {@code bin/agentctl} to record a JDK AOT cache ({@code -XX:AOTCacheOutput}) once per build: the classes
 * and method profiles of start-up, picocli, Jackson, the socket client and the table formatting are then
 * loaded from the cache instead of the jar.
 */
final class AotTraining {
    static final String FLAG = "--aot-training";

    private static final String SESSION = """
            {"id":"sess-1","run_id":"run-1","claude_session_id":"c-1","status":"completed",\
            "start_time":"2025-01-01T10:00:00Z","end_time":"2025-01-01T10:01:00Z",\
            "last_activity_at":"2025-01-01T10:01:00Z","query":"fix the build","summary":"fix the build","title":"",\
            "model":"opus","model_id":"claude-opus","working_dir":"/tmp","archived":false,"cost_usd":0.01,\
            "input_tokens":100,"output_tokens":20}""";

    private AotTraining() {
    }

    static int run() {
        Path dir;
        try {
            dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "agentctl-aot");
        } catch (IOException e) {
            System.err.println("agentctl: AOT training: " + e.getMessage());
            return 1;
        }
        Path socket = dir.resolve("d.sock");
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listener.bind(UnixDomainSocketAddress.of(socket));
            Thread server = Thread.ofPlatform().daemon(true).start(() -> serve(listener));
            PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            CliContext context = new CliContext(new SocketPathResolver(Map.of(), dir), dir, Clock.systemUTC(),
                    ZoneId.systemDefault(), false, 120, Duration.ofMillis(250), DaemonClient.DEFAULT_TIMEOUT);
            String s = socket.toString();
            for (String[] args : new String[][] {{"--version"}, {"--help"}, {"--socket", s, "ls"}, {"--socket", s, "health"},
                    {"--socket", s, "ls", "--json"}, {"--socket", dir.resolve("missing.sock").toString(), "ls"}}) {
                Agentctl.commandLine(context, sink, sink, args).execute(args);
            }
            server.interrupt();
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("agentctl: AOT training failed: " + e.getMessage());
            return 1;
        } finally {
            try {
                Files.deleteIfExists(socket);
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // A temp folder left behind is harmless.
            }
        }
    }

    private static void serve(ServerSocketChannel listener) {
        while (listener.isOpen()) {
            try (SocketChannel channel = listener.accept()) {
                ByteBuffer in = ByteBuffer.allocate(1 << 16);
                StringBuilder line = new StringBuilder();
                while (channel.read(in) > 0) {
                    in.flip();
                    line.append(StandardCharsets.UTF_8.decode(in));
                    in.clear();
                    int nl;
                    while ((nl = line.indexOf("\n")) >= 0) {
                        String request = line.substring(0, nl);
                        line.delete(0, nl + 1);
                        String id = request.replaceAll(".*\"id\":([0-9]+).*", "$1");
                        String reply = "{\"jsonrpc\":\"2.0\",\"id\":" + id + "," + answer(request) + "}\n";
                        channel.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8)));
                    }
                }
            } catch (IOException e) {
                // the next connection
            }
        }
    }

    private static String answer(String request) {
        if (request.contains("\"getSessionLeaves\"") || request.contains("\"listSessions\"")) {
            return "\"result\":{\"sessions\":[" + SESSION + "]}";
        }
        if (request.contains("\"health\"")) {
            return "\"result\":{\"status\":\"ok\",\"version\":\"training\",\"uptime_ms\":1000,\"active_sessions\":0,"
                    + "\"claude\":{\"available\":true,\"path\":\"/usr/bin/claude\",\"version\":\"2.1\",\"error\":null}}";
        }
        return "\"error\":{\"code\":-32601,\"message\":\"method not found\"}";
    }
}
