package io.agentd.testkit.fakeclaude;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A scriptable stand-in for the {@code claude} executable, for failure modes the real CLI cannot
 * produce on demand: garbage or huge lines, crashes mid-stream, processes that never exit or ignore
 * SIGINT. It is a {@code #!/bin/sh} script that answers {@code --version}, records its argv and then
 * plays its steps.
 *
 * <pre>{@code
 * FakeClaude fake = FakeClaude.builder()
 *         .stdout("{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"s1\"}")
 *         .stdout("not json")
 *         .sleep(Duration.ofMillis(100))
 *         .exit(2)
 *         .writeTo(tempDir);
 * new ProcessBuilder(fake.executable().toString(), "-p", "hi").start();
 * }</pre>
 */
public final class FakeClaude {
    /** What {@code --version} prints unless the builder says otherwise. */
    public static final String DEFAULT_VERSION_LINE = "2.1.328 (Claude Code)";

    private static final String ARGS_PREFIX = "args.";

    private final Path executable;
    private final Path argsDir;

    private FakeClaude(Path executable, Path argsDir) {
        this.executable = executable;
        this.argsDir = argsDir;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The executable script, named {@code claude}. */
    public Path executable() {
        return executable;
    }

    /** The argv of every run so far (a {@code --version} check included), oldest first. */
    public List<List<String>> invocations() {
        try (Stream<Path> files = Files.list(argsDir)) {
            List<Path> sorted = files.filter(f -> f.getFileName().toString().startsWith(ARGS_PREFIX))
                    .sorted(Comparator.comparing(FakeClaude::startedAt).thenComparing(FakeClaude::modified))
                    .toList();
            List<List<String>> runs = new ArrayList<>();
            for (Path file : sorted) {
                runs.add(parseArgs(Files.readString(file, UTF_8)));
            }
            return List.copyOf(runs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recorded arguments in " + argsDir, e);
        }
    }

    /** The argv of the most recent run; empty if it has not run. */
    public List<String> lastArgs() {
        List<List<String>> runs = invocations();
        return runs.isEmpty() ? List.of() : runs.getLast();
    }

    private static List<String> parseArgs(String nulSeparated) {
        if (nulSeparated.isEmpty()) {
            return List.of();
        }
        // printf '%s\0' with no arguments still prints one empty field
        String trimmed = nulSeparated.endsWith("\0") ? nulSeparated.substring(0, nulSeparated.length() - 1) : nulSeparated;
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\0", -1));
    }

    /** The start time (ns) the script put in the file's name ({@code args.<ns>.<pid>}). */
    private static long startedAt(Path file) {
        String[] parts = file.getFileName().toString().split("\\.");
        try {
            return parts.length == 3 ? Long.parseLong(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects the steps of a fake claude; nothing runs until the script is written and started. */
    public static final class Builder {
        private final List<Step> steps = new ArrayList<>();
        private String versionLine = DEFAULT_VERSION_LINE;
        private Ending ending = new Ending.Exit(0);

        private Builder() {
        }

        /** The line {@code claude --version} prints. */
        public Builder version(String line) {
            this.versionLine = requireNonNull(line, "line is null");
            return this;
        }

        /** Prints each line to stdout (JSON lines copied from a transcript, or garbage). */
        public Builder stdout(String... lines) {
            for (String line : lines) {
                steps.add(new Step.Stdout(line));
            }
            return this;
        }

        /** Prints each line to stdout. */
        public Builder stdout(List<String> lines) {
            return stdout(lines.toArray(String[]::new));
        }

        /** Prints each line to stdout with {@code delay} before each. */
        public Builder stdoutSlowly(Duration delay, List<String> lines) {
            for (String line : lines) {
                sleep(delay);
                stdout(line);
            }
            return this;
        }

        /** Copies a file (such as a recorded transcript) to stdout when run. */
        public Builder stdoutFile(Path file) {
            steps.add(new Step.StdoutFile(file.toAbsolutePath()));
            return this;
        }

        /** Prints each line to stderr. */
        public Builder stderr(String... lines) {
            for (String line : lines) {
                steps.add(new Step.Stderr(line));
            }
            return this;
        }

        public Builder sleep(Duration duration) {
            steps.add(new Step.Sleep(duration));
            return this;
        }

        /** Waits until {@code file} exists: the test creates it when the fake should go on. */
        public Builder awaitFile(Path file) {
            steps.add(new Step.AwaitFile(file.toAbsolutePath()));
            return this;
        }

        /**
         * Prints one JSON line of exactly {@code bytes} bytes (newline not counted) of unknown type
         * {@code fake_padding}; the script generates it, so 50 MB cost the test no memory.
         */
        public Builder hugeLine(long bytes) {
            String prefix = "{\"type\":\"fake_padding\",\"padding\":\"";
            String suffix = "\"}";
            long fill = bytes - prefix.length() - suffix.length();
            if (fill < 0) {
                throw new IllegalArgumentException("a huge line needs at least " + (bytes - fill) + " bytes");
            }
            return hugeLine(prefix, fill, suffix);
        }

        /** Prints one line: {@code prefix}, {@code fillBytes} letters {@code x}, {@code suffix}. */
        public Builder hugeLine(String prefix, long fillBytes, String suffix) {
            steps.add(new Step.HugeLine(prefix, fillBytes, suffix));
            return this;
        }

        /** Ends with this exit code (a crash mid-stream, 143, or 0 without a result line). Default: 0. */
        public Builder exit(int code) {
            this.ending = new Ending.Exit(code);
            return this;
        }

        /** Ends by never exiting: the process sleeps until SIGINT, SIGTERM or SIGKILL. */
        public Builder hangForever() {
            this.ending = new Ending.Hang(false);
            return this;
        }

        /**
         * Ends by never exiting; SIGINT is ignored from the script's first line on, so only SIGTERM or
         * SIGKILL end it.
         */
        public Builder hangIgnoringSigint() {
            this.ending = new Ending.Hang(true);
            return this;
        }

        /** Writes the executable {@code dir/claude} (and keeps recorded argv in {@code dir}). */
        public FakeClaude writeTo(Path dir) {
            requireNonNull(dir, "dir is null");
            try {
                Path absolute = Files.createDirectories(dir).toAbsolutePath();
                Path executable = absolute.resolve("claude");
                Files.writeString(executable, ShellScript.render(versionLine, absolute, steps, ending), UTF_8);
                Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwx------"));
                return new FakeClaude(executable, absolute);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a fake claude into " + dir, e);
            }
        }
    }
}
