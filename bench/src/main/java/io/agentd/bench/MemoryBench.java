package io.agentd.bench;

import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeclaude.FakeClaude;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory of a real daemon process started from the jar (the JVM flags of bin/agentd, no AOT
 * cache): idle, then with 200 concurrent sessions of a fake claude that prints a few stream-json lines and
 * hangs. VmRSS from /proc. Baseline: a trivial JVM with the same flags that only sleeps.
 */
final class MemoryBench {
    static final int SESSIONS = 200;

    private MemoryBench() {
    }

    static List<Row> run(Bench.Settings settings) throws Exception {
        Duration settle = Bench.pick(settings, Duration.ofSeconds(2), Duration.ofSeconds(5));
        double trivial = trivialJvmRss(settings, settle);
        Path dir = DaemonProcess.tempDir();
        List<ProcessHandle> children = new ArrayList<>();
        double idle;
        double active;
        try {
            List<String> lines = new ArrayList<>();
            for (byte[] line : IngestBench.cycle().subList(0, 4)) {
                lines.add(new String(line, 0, line.length - 1, StandardCharsets.UTF_8));
            }
            FakeClaude fake = FakeClaude.builder().stdout(lines).hangForever().writeTo(dir.resolve("fake"));
            Path work = Files.createDirectories(dir.resolve("work"));
            try (DaemonProcess daemon = DaemonProcess.start(dir, List.of("--claude-path", fake.executable().toString(),
                    "--max-sessions", Integer.toString(SESSIONS + 10), "--log-level", "warn"), Map.of())) {
                daemon.awaitReady(Duration.ofSeconds(60));
                long pid = daemon.process().pid();
                try (LineClient client = daemon.client()) {
                    for (int i = 0; i < 20; i++) {
                        client.result("health", null);
                        client.result("listSessions", null);
                    }
                    Thread.sleep(settle.toMillis());
                    idle = rssMb(pid);
                    for (int i = 0; i < SESSIONS; i++) {
                        client.result("launchSession", Map.of("query", "bench " + i, "working_dir", work.toString()));
                    }
                    awaitRunning(client, Duration.ofSeconds(120));
                    daemon.process().descendants().forEach(children::add);
                    Thread.sleep(settle.toMillis());
                    active = rssMb(pid);
                }
                daemon.signal("TERM");
                try {
                    daemon.awaitExit(Duration.ofSeconds(30));
                } catch (IllegalStateException e) {
                    System.err.println("bench: memory: " + e.getMessage());
                }
            } finally {
                // The fake sessions are our processes: end any the daemon left behind.
                for (ProcessHandle child : children) {
                    child.destroyForcibly();
                }
            }
        } finally {
            Files2.deleteTree(dir);
        }
        double perSession = (active - idle) / SESSIONS;
        String note = "trivial JVM, same flags, sleeping";
        return List.of(
                Row.cost("daemon RSS, idle", idle, trivial, "MB", 150, note),
                Row.cost("daemon RSS, 200 active sessions", active, trivial, "MB", 0, note),
                Row.cost("daemon RSS per active session", perSession, Double.NaN, "MB", 2,
                        "(200-session RSS - idle RSS) / 200; no baseline"));
    }

    private static void awaitRunning(LineClient client, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int running = 0;
        while (System.nanoTime() < deadline) {
            JsonNode sessions = client.result("listSessions", null).path("sessions");
            running = 0;
            for (JsonNode s : sessions) {
                if ("running".equals(s.path("status").asString())) {
                    running++;
                }
            }
            if (running >= SESSIONS) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("only " + running + " of " + SESSIONS + " sessions running after " + timeout);
    }

    /** RSS of a JVM with the daemon's flags running nothing but a sleep. */
    private static double trivialJvmRss(Bench.Settings settings, Duration settle) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), IdleJvm.class.getName())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            if (!"ready".equals(ready)) {
                throw new IllegalStateException("idle JVM said: " + ready);
            }
            Thread.sleep(settle.toMillis());
            return rssMb(p.pid());
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                return Long.parseLong(parts[0]) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }
}
