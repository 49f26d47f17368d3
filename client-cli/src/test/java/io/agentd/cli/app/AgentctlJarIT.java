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
}
