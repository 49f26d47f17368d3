package io.agentd.daemon.session.process;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * The files of one session's spool folder. The Claude process writes stdout and stderr here instead of
 * into pipes, so its output survives the daemon; its wrapper writes the exit code to {@code exit}.
 */
public record SpoolPaths(Path dir) {
    public SpoolPaths {
        requireNonNull(dir, "dir is null");
    }

    public static SpoolPaths of(Path spoolRoot, String sessionId) {
        return new SpoolPaths(spoolRoot.resolve(sessionId));
    }

    public Path stdout() {
        return dir.resolve("stdout");
    }

    public Path stderr() {
        return dir.resolve("stderr");
    }

    /** Written atomically (rename) by the wrapper once the Claude process has exited. */
    public Path exitCode() {
        return dir.resolve("exit");
    }

    /**
     * Written atomically by the wrapper, first thing, before it runs Claude: the wrapper's pid. It is
     * linked into place, never replaced, so a recovering daemon can claim a spool whose wrapper has not
     * started yet by creating it first (then the wrapper runs nothing). See {@link ProcessLauncher}.
     */
    public Path pid() {
        return dir.resolve("pid");
    }

    /** A large query, fed to Claude's stdin by the wrapper. */
    public Path query() {
        return dir.resolve("query");
    }

    public Path systemPrompt() {
        return dir.resolve("system-prompt");
    }

    public Path appendSystemPrompt() {
        return dir.resolve("append-system-prompt");
    }

    public Path mcpConfig() {
        return dir.resolve("mcp-config.json");
    }
}
