package io.agentd.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.cli.testing.FakeDaemon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the packaged jar as a separate process, as users do: real main, exit codes, stdout/stderr split. */
class AgentctlJarIT {
    private static Path jar;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void findJar() {
        // Failsafe runs in the module directory after the package phase.
        jar = Path.of("target", "agentd-cli.jar").toAbsolutePath();
        assertThat(jar).as("packaged jar").exists();
    }

    private static Run run(List<String> env, String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("HUMANLAYER_DAEMON_SOCKET");
        for (int i = 0; i < env.size(); i += 2) {
            builder.environment().put(env.get(i), env.get(i + 1));
        }
        Path out = Files.createTempFile("agentctl-out", ".txt");
        Path err = Files.createTempFile("agentctl-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("agentctl finished").isTrue();
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void noDaemonMeansOneLineOnStderrAndExitOne() throws Exception {
        Path nowhere = FakeDaemon.unusedSocket();
        Run run = run(List.of("HUMANLAYER_DAEMON_SOCKET", nowhere.toString()), "health");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("no agentd at " + nowhere + " — start it with bin/agentd\n");
    }

    @Test
    void healthAgainstADaemonExitsZeroWithOnlyCommandOutputOnStdout() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start()) {
            daemon.result("health", "{\"status\":\"ok\",\"version\":\"0.3.1\"}");
            Run run = run(List.of("LC_ALL", "C"), "--socket", daemon.socket().toString(), "health");
            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).isEqualTo("status   ok\nversion  0.3.1\nsocket   " + daemon.socket() + "\n");
        }
    }

    @Test
    void mcpApprovalsServerWritesOnlyProtocolToStdoutAndExitsWhenStdinCloses() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "mcp", "claude_approvals");
        builder.environment().put("HUMANLAYER_DAEMON_SOCKET", FakeDaemon.unusedSocket().toString());
        builder.environment().put("HUMANLAYER_SESSION_ID", "sess-1");
        Path out = Files.createTempFile("agentctl-mcp-out", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(String.join("\n",
                        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"server/discover\",\"params\":{}}",
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                                + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
                        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", "")
                        .getBytes(StandardCharsets.UTF_8));
                stdin.flush();
                // Claude Code closes stdin only when done; closing earlier may cut answers in flight.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (Files.readAllLines(out, StandardCharsets.UTF_8).size() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("server ended with its stdin").isTrue();
            assertThat(process.exitValue()).isZero();
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("{\"jsonrpc\":\"2.0\""));
            assertThat(lines.get(0)).contains("-32601");
            assertThat(lines.get(1)).contains("humanlayer-claude-local-approvals");
            assertThat(lines.get(2)).contains("request_permission");
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
