package io.agentd.daemon.claude;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the Claude Code CLI the way hld does: an explicit path ({@code HUMANLAYER_CLAUDE_PATH}), then
 * {@code PATH}, then the usual install locations. The version is asked once per binary (a 5 s
 * {@code --version}) and cached; an unusable result is looked up again on the next call, so
 * installing Claude while the daemon runs fixes launches without a restart.
 */
public final class ClaudeLocator {
    private static final Logger log = LoggerFactory.getLogger(ClaudeLocator.class);

    private volatile String configuredPath;
    private final Map<String, String> env;
    private final Path home;
    private volatile ClaudeBinary cached;
    private volatile long cachedModified;

    public ClaudeLocator(String configuredPath, Map<String, String> env, Path home) {
        this.configuredPath = configuredPath == null || configuredPath.isBlank() ? null : configuredPath;
        this.env = Map.copyOf(env);
        this.home = home;
    }

    /** The current binary; cheap when the cached one is still usable and unchanged on disk. */
    public ClaudeBinary current() {
        ClaudeBinary c = cached;
        if (c != null && c.available() && modified(c.path()) == cachedModified) {
            return c;
        }
        return refresh();
    }

    /**
     * Uses {@code path} from now on (blank: look on {@code PATH} and in the usual locations again) and looks
     * the binary up at once, so a client that changed it sees whether it works.
     */
    public synchronized ClaudeBinary reconfigure(String path) {
        configuredPath = path == null || path.isBlank() ? null : path;
        cached = null;
        return refresh();
    }

    /** The explicitly configured path; empty when the CLI is looked for. */
    public Optional<String> configuredPath() {
        return Optional.ofNullable(configuredPath);
    }

    /** Where a lookup without a configured path would find the CLI (no {@code --version} run); empty if nowhere. */
    public Optional<Path> detectedPath() {
        return candidates().stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .map(Path::toAbsolutePath).findFirst();
    }

    /** The last result without touching the disk; null before the first lookup. */
    public ClaudeBinary lastKnown() {
        return cached;
    }

    public synchronized ClaudeBinary refresh() {
        ClaudeBinary result = locate();
        if (result.available()) {
            cachedModified = modified(result.path());
        }
        if (cached == null || !result.equals(cached)) {
            if (result.available()) {
                log.info("claude CLI: {} ({})", result.path(), result.version());
            } else {
                log.warn("claude CLI unavailable: {}", result.error());
            }
        }
        cached = result;
        return result;
    }

    private ClaudeBinary locate() {
        String configured = configuredPath;
        if (configured != null) {
            Path p = Path.of(configured);
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                return ClaudeBinary.missing("HUMANLAYER_CLAUDE_PATH=" + configured + " is not an executable file");
            }
            return withVersion(p.toAbsolutePath());
        }
        for (Path candidate : candidates()) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return withVersion(candidate.toAbsolutePath());
            }
        }
        return ClaudeBinary.missing("claude not found on PATH or in the usual install locations; install Claude Code "
                + "or set HUMANLAYER_CLAUDE_PATH");
    }

    private List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            // hld skips node_modules entries: they are usually a project's local copy, not the user's CLI.
            if (!dir.isBlank() && !dir.contains("/node_modules/")) {
                out.add(Path.of(dir, "claude"));
            }
        }
        if (home != null) {
            for (String rel : List.of(".claude/local/claude", ".npm/bin/claude", ".bun/bin/claude", ".local/bin/claude")) {
                out.add(home.resolve(rel));
            }
        }
        out.add(Path.of("/usr/local/bin/claude"));
        out.add(Path.of("/opt/homebrew/bin/claude"));
        return out;
    }

    private static ClaudeBinary withVersion(Path binary) {
        return version(binary).map(v -> ClaudeBinary.found(binary, v))
                .orElseGet(() -> new ClaudeBinary(binary, null, binary + " --version did not answer within 5 s"
                        + " or failed; is it a working Claude Code CLI?"));
    }

    private static Optional<String> version(Path binary) {
        try {
            Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            // Wait first: a version line fits in the pipe buffer, and reading first could block forever.
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            byte[] out;
            try (var in = p.getInputStream()) {
                out = in.readNBytes(4096);
            }
            if (p.exitValue() != 0) {
                return Optional.empty();
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            return Optional.of(versionNumber(text.lines().findFirst().orElse(text)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** {@code 2.1.328 (Claude Code)} → {@code 2.1.328}: health reports a version, not the product name. */
    static String versionNumber(String versionLine) {
        return versionLine.replaceFirst("\\s*\\(Claude Code\\)$", "").strip();
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }
}
