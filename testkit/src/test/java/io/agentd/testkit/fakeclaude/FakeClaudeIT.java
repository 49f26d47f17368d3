package io.agentd.testkit.fakeclaude;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs fake claude scripts as real processes. */
class FakeClaudeIT {
    @TempDir
    Path dir;

    private record Result(int exitCode, List<String> stdout, String stderr) {
    }

    private Result run(FakeClaude fake, String... args) throws Exception {
        Process process = start(fake, args);
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("fake claude exited").isTrue();
        return new Result(process.exitValue(), stdout.lines().toList(), stderr);
    }

    private Process start(FakeClaude fake, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(fake.executable().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).start();
    }

    private static void signal(Process process, String signal) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor()).isZero();
    }

    private static String readLine(Process process) throws IOException {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8)).readLine();
    }

    @Test
    void answersVersionAndRecordsArgumentsWithoutRunningThem() throws Exception {
        FakeClaude fake = FakeClaude.builder().stdout("ran").writeTo(dir.resolve("bin"));

        Result version = run(fake, "--version");
        List<String> hostile = List.of("-p", "$(touch pwned)", "; touch pwned2", "it's", "two\nlines", "", "`touch x`");
        Result normal = run(fake, hostile.toArray(String[]::new));

        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout()).containsExactly(FakeClaude.DEFAULT_VERSION_LINE);
        assertThat(normal.stdout()).containsExactly("ran");
        assertThat(fake.invocations()).hasSize(2);
        assertThat(fake.invocations().getFirst()).containsExactly("--version");
        assertThat(fake.lastArgs()).isEqualTo(hostile);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("bin");
        }
    }

    @Test
    void printsLinesVerbatimAndWritesStderr() throws Exception {
        List<String> lines = List.of("{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"s1\"}",
                "not json at all", "100% %s \\n 'quoted' \"double\" → ü", "{\"type\":\"result\"");
        Path transcript = Files.writeString(dir.resolve("transcript.jsonl"), "{\"type\":\"a\"}\n{\"type\":\"b\"}\n");
        FakeClaude fake = FakeClaude.builder()
                .stdout(lines)
                .stderr("warning: something")
                .stdoutSlowly(Duration.ofMillis(10), List.of("slow-1", "slow-2"))
                .stdoutFile(transcript)
                .writeTo(dir.resolve("bin"));

        Result result = run(fake, "-p", "x");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).containsExactly(lines.get(0), lines.get(1), lines.get(2), lines.get(3),
                "slow-1", "slow-2", "{\"type\":\"a\"}", "{\"type\":\"b\"}");
        assertThat(result.stderr()).isEqualTo("warning: something\n");
    }

    @Test
    void waitsForAFileBeforeGoingOn() throws Exception {
        Path gate = dir.resolve("gate");
        FakeClaude fake = FakeClaude.builder().stdout("before").awaitFile(gate).stdout("after").writeTo(dir.resolve("bin"));
        Process process = start(fake, "-p", "x");
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));

        assertThat(out.readLine()).isEqualTo("before");
        assertThat(process.waitFor(300, TimeUnit.MILLISECONDS)).as("still waiting for the gate").isFalse();
        Files.createFile(gate);
        assertThat(out.readLine()).isEqualTo("after");
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void crashesMidStreamWithTheGivenExitCode() throws Exception {
        FakeClaude crash = FakeClaude.builder().stdout("{\"type\":\"system\",\"subtype\":\"init\"}").exit(3)
                .writeTo(dir.resolve("crash"));
        FakeClaude terminated = FakeClaude.builder().exit(143).writeTo(dir.resolve("terminated"));

        Result crashed = run(crash);

        assertThat(crashed.exitCode()).isEqualTo(3);
        assertThat(crashed.stdout()).hasSize(1);
        assertThat(run(terminated).exitCode()).isEqualTo(143);
    }

    @Test
    void hugeLineIsGeneratedByTheScript() throws Exception {
        long size = 50_000_000;
        FakeClaude fake = FakeClaude.builder().stdout("before").hugeLine(size).stdout("after").writeTo(dir.resolve("bin"));
        Path script = fake.executable();

        Process process = start(fake);
        long[] lineLengths = new long[3];
        byte[] head = new byte[64];
        byte[] tail = new byte[2];
        try (InputStream in = process.getInputStream()) {
            byte[] buffer = new byte[1 << 16];
            int line = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        line++;
                        continue;
                    }
                    long position = lineLengths[line]++;
                    if (line == 1 && position < head.length) {
                        head[(int) position] = buffer[i];
                    }
                    if (line == 1) {
                        tail[0] = tail[1];
                        tail[1] = buffer[i];
                    }
                }
            }
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isZero();
        assertThat(Files.size(script)).isLessThan(4096);
        assertThat(lineLengths).containsExactly("before".length(), size, "after".length());
        assertThat(new String(head, UTF_8)).startsWith("{\"type\":\"fake_padding\",\"padding\":\"xxxx");
        assertThat(new String(tail, UTF_8)).isEqualTo("\"}");
    }

    @Test
    void hangingProcessDiesOnSigint() throws Exception {
        Process process = start(FakeClaude.builder().stdout("ready").hangForever().writeTo(dir.resolve("bin")));
        assertThat(readLine(process)).isEqualTo("ready");

        signal(process, "INT");

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(128 + 2);
    }

    @Test
    void hangingProcessDiesOnSigterm() throws Exception {
        Process process = start(FakeClaude.builder().stdout("ready").hangForever().writeTo(dir.resolve("bin")));
        assertThat(readLine(process)).isEqualTo("ready");

        process.destroy();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(128 + 15);
    }

    @Test
    void sigintIgnoringProcessNeedsSigtermOrSigkill() throws Exception {
        FakeClaude fake = FakeClaude.builder().stdout("ready").hangIgnoringSigint().writeTo(dir.resolve("bin"));
        Process stubborn = start(fake);
        Process killed = start(fake);
        assertThat(readLine(stubborn)).isEqualTo("ready");
        assertThat(readLine(killed)).isEqualTo("ready");

        signal(stubborn, "INT");
        signal(killed, "INT");
        // not a timing assertion: a process that reacted to SIGINT would be gone long before this
        assertThat(stubborn.waitFor(500, TimeUnit.MILLISECONDS)).as("still alive after SIGINT").isFalse();
        assertThat(stubborn.isAlive()).isTrue();

        stubborn.destroy();
        killed.destroyForcibly();

        assertThat(stubborn.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(stubborn.exitValue()).isEqualTo(128 + 15);
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.exitValue()).isEqualTo(128 + 9);
    }
}
