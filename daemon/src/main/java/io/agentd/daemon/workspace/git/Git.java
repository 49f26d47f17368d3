package io.agentd.daemon.workspace.git;

import io.agentd.daemon.error.AgentdException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Runs the {@code git} executable with an argv (never a shell) and an environment agentd controls: no prompts,
 * no optional locks (a status never fights the user's editor for {@code index.lock}), C locale for parseable
 * output, no hooks, no pager, no external diff or textconv drivers. {@code GIT_INDEX_FILE} is set only when a
 * caller passes a temporary index, so the user's index is never written.
 */
public final class Git {
    /** Output above this is an error, not a truncated answer: a caller that needs more streams it. */
    public static final int MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

    private final String executable;
    private final Duration timeout;

    public Git(String executable, Duration timeout) {
        this.executable = requireNonNull(executable, "executable is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /** The {@code git} on the PATH with a 10-minute limit per command. */
    public static Git onPath() {
        return new Git("git", Duration.ofMinutes(10));
    }

    /** What a finished command printed. */
    public record Result(int exitCode, byte[] stdout, String stderr) {
        public String text() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        public String line() {
            return text().strip();
        }

        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs {@code git -C dir args...}; a non-zero exit is an error. */
    public Result run(Path dir, String... args) {
        return checked(exec(dir, null, null, List.of(args)), args);
    }

    /** Runs with a temporary index file instead of the repository's. */
    public Result runWithIndex(Path dir, Path indexFile, String... args) {
        return checked(exec(dir, requireNonNull(indexFile, "indexFile is null"), null, List.of(args)), args);
    }

    /** Runs with bytes on stdin. */
    public Result runWithInput(Path dir, byte[] stdin, String... args) {
        return checked(exec(dir, null, stdin, List.of(args)), args);
    }

    /** Runs and returns whatever exit code git chose. */
    public Result tryRun(Path dir, String... args) {
        return exec(dir, null, null, List.of(args));
    }

    private static Result checked(Result r, String[] args) {
        if (!r.ok()) {
            throw AgentdException.conflict("git " + String.join(" ", args) + " failed (exit " + r.exitCode() + "): "
                    + r.stderr().strip());
        }
        return r;
    }

    private Result exec(Path dir, Path indexFile, byte[] stdin, List<String> args) {
        List<String> argv = new ArrayList<>(List.of(executable, "-C", dir.toString(),
                "-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false", "-c", "core.quotePath=false",
                "-c", "diff.external=", "-c", "color.ui=false", "-c", "advice.detachedHead=false"));
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv);
        environment(pb.environment(), indexFile);
        pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                : ProcessBuilder.Redirect.PIPE);
        try {
            Process p = pb.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()),
                    Thread::startVirtualThread);
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()),
                    Thread::startVirtualThread);
            if (stdin != null) {
                try (OutputStream in = p.getOutputStream()) {
                    in.write(stdin);
                }
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw AgentdException.unavailable("git " + String.join(" ", args) + " took longer than " + timeout);
            }
            byte[] stdout = out.join();
            String stderr = new String(err.join(), StandardCharsets.UTF_8);
            if (stdout.length > MAX_OUTPUT_BYTES) {
                throw AgentdException.unavailable("git " + args.getFirst() + " printed more than "
                        + MAX_OUTPUT_BYTES + " bytes");
            }
            return new Result(p.exitValue(), stdout, stderr);
        } catch (IOException e) {
            throw AgentdException.unavailable("cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AgentdException.unavailable("interrupted while running git");
        }
    }

    /** The environment git sees: the daemon's, minus every GIT_* variable that could redirect it. */
    static void environment(Map<String, String> env, Path indexFile) {
        env.keySet().removeIf(k -> k.startsWith("GIT_"));
        env.put("LC_ALL", "C");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_OPTIONAL_LOCKS", "0");
        env.put("GIT_PAGER", "cat");
        env.put("GIT_AUTHOR_NAME", "agentd");
        env.put("GIT_AUTHOR_EMAIL", "agentd@localhost");
        env.put("GIT_COMMITTER_NAME", "agentd");
        env.put("GIT_COMMITTER_EMAIL", "agentd@localhost");
        if (indexFile != null) {
            env.put("GIT_INDEX_FILE", indexFile.toString());
        }
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[64 * 1024];
            int n;
            long total = 0;
            while ((n = in.read(chunk)) > 0) {
                total += n;
                if (total <= MAX_OUTPUT_BYTES + 1L) {
                    buf.write(chunk, 0, n);
                }
            }
            return buf.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
