package io.agentd.testkit.daemon;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real daemon as a separate process ({@code java -jar daemon/target/agentd-daemon.jar}), with its
 * own HOME, socket and database under a temporary folder, and its stdout and stderr captured to files.
 */
public final class DaemonProcess implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final Path socket;
    private final Path database;
    private final long startedNanos;

    private DaemonProcess(Process process, Path dir, Path socket, Path database, long startedNanos) {
        this.process = process;
        this.dir = dir;
        this.socket = socket;
        this.database = database;
        this.startedNanos = startedNanos;
    }

    /** A short temporary folder: Unix socket paths are limited to about 100 bytes. */
    public static Path tempDir() throws IOException {
        return Files.createTempDirectory(Path.of("/tmp"), "agd");
    }

    /**
     * Starts the daemon. It serves no HTTP unless {@code extraArgs} contain {@code --http-port} (or the env sets
     * {@code HUMANLAYER_DAEMON_HTTP_PORT}); it injects no approvals server unless {@code extraArgs} contain
     * {@code --approvals-command} or {@code extraEnv} sets {@code AGENTD_APPROVALS_COMMAND}.
     */
    public static DaemonProcess start(Path dir, List<String> extraArgs, Map<String, String> extraEnv) throws IOException {
        return start(dir, dir.resolve("run/daemon.sock"), dir.resolve("agentd.db"), extraArgs, extraEnv);
    }

    public static DaemonProcess start(Path dir, Path socket, Path database, List<String> extraArgs,
                                      Map<String, String> extraEnv) throws IOException {
        return start(List.of(javaBinary(), "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", daemonJar().toString()), dir, socket, database, extraArgs, extraEnv, true);
    }

    /**
     * Starts the daemon through a launcher script, e.g. a checkout's {@code bin/agentd}, with the same flags and
     * environment as {@link #start(Path, List, Map)}, except that the daemon's own default approvals server is
     * kept; the launcher's own output lands in the same log files.
     */
    public static DaemonProcess startLauncher(Path launcher, Path dir, List<String> extraArgs, Map<String, String> extraEnv)
            throws IOException {
        return start(List.of(launcher.toString()), dir, dir.resolve("run/daemon.sock"), dir.resolve("agentd.db"),
                extraArgs, extraEnv, false);
    }

    private static DaemonProcess start(List<String> launcher, Path dir, Path socket, Path database,
                                       List<String> extraArgs, Map<String, String> extraEnv, boolean noApprovalsByDefault)
            throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("--socket", socket.toString(), "--db", database.toString(),
                "--log-dir", dir.resolve("logs").toString(), "--spool-dir", dir.resolve("spool").toString()));
        if (noApprovalsByDefault && !extraArgs.contains("--approvals-command")
                && !extraEnv.containsKey("AGENTD_APPROVALS_COMMAND")) {
            // The daemon injects its own approvals server by default; tests opt in by passing the flag or env.
            command.addAll(List.of("--approvals-command", ""));
        }
        if (!extraArgs.contains("--http-port") && !extraArgs.contains("--no-http")
                && !extraEnv.containsKey("HUMANLAYER_DAEMON_HTTP_PORT")) {
            // The HTTP API's default port is fixed (7777): tests opt in, usually with --http-port 0.
            command.add("--no-http");
        }
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("stderr.log").toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("HUMANLAYER_") || k.startsWith("AGENTD_"));
        env.put("HOME", dir.resolve("home").toString());
        env.putAll(extraEnv);
        Files.createDirectories(dir.resolve("home"));
        long started = System.nanoTime();
        return new DaemonProcess(builder.start(), dir, socket, database, started);
    }

    /** Waits until a health request is answered; returns the time from process start to that answer. */
    public Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("daemon exited with " + process.exitValue() + ": " + stderr());
            }
            if (Files.exists(socket)) {
                try (LineClient client = LineClient.connect(socket)) {
                    if ("ok".equals(client.result("health", null).path("status").asString())) {
                        return Duration.ofNanos(System.nanoTime() - startedNanos);
                    }
                } catch (IOException e) {
                    // not accepting yet
                }
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("daemon not ready within " + timeout + ": " + stderr());
    }

    /**
     * The port announced by {@code --http-port 0} as {@code HTTP_PORT=<n>}, which must be the first line on
     * stdout; waits for it.
     */
    public int awaitHttpPort(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String out = stdout();
            int newline = out.indexOf('\n');
            if (newline >= 0) {
                String first = out.substring(0, newline);
                if (!first.startsWith("HTTP_PORT=")) {
                    throw new IllegalStateException("first stdout line is not HTTP_PORT=: " + first);
                }
                return Integer.parseInt(first.substring("HTTP_PORT=".length()).strip());
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("daemon exited with " + process.exitValue() + ": " + stderr());
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no HTTP_PORT= line within " + timeout + ": " + stderr());
    }

    public LineClient client() throws IOException {
        return LineClient.connect(socket);
    }

    public boolean answers() {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends a signal (TERM, INT, KILL) to the daemon. */
    public void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("daemon did not exit within " + timeout);
        }
        return process.exitValue();
    }

    public Process process() {
        return process;
    }

    public Path socket() {
        return socket;
    }

    public Path database() {
        return database;
    }

    public Path dir() {
        return dir;
    }

    public String stdout() throws IOException {
        return read(dir.resolve("stdout.log"));
    }

    public String stderr() throws IOException {
        return read(dir.resolve("stderr.log"));
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The packaged daemon jar; integration tests run after {@code package}. */
    public static Path daemonJar() {
        Path jar = Path.of(System.getProperty("agentd.root", "..")).resolve("daemon/target/agentd-daemon.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            jar = Path.of("target/agentd-daemon.jar").toAbsolutePath();
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("daemon jar not built: " + jar);
        }
        return jar;
    }

    public static Map<String, String> env(String... keyValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
