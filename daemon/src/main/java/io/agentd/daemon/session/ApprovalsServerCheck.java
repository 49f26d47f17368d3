package io.agentd.daemon.session;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Whether the approvals server the daemon injects can run: its executable exists and may be executed, and a
 * {@code -jar FILE} it is given exists. Claude starts MCP servers itself and, when one cannot start, silently
 * falls back to its own permission mode; checking before launch turns that into an error a user sees.
 * Cheap (a few file lookups), so it is asked again for every launch and every {@code health}: building the
 * CLI jar after the daemon started is enough.
 */
public final class ApprovalsServerCheck {
    private final List<String> command;
    private final Map<String, String> env;
    private final Path workingDir;

    /**
     * @param command the injected argv; empty: no approvals server, on purpose
     * @param env the daemon's environment (its {@code PATH} finds a bare executable name, as Claude's will)
     * @param workingDir what relative paths in the command are relative to
     */
    public ApprovalsServerCheck(List<String> command, Map<String, String> env, Path workingDir) {
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.workingDir = requireNonNull(workingDir, "workingDir is null");
    }

    /**
     * The approvals server's state.
     *
     * @param injected whether sessions get an approvals server
     * @param command the command line, empty when none is injected
     * @param error why it cannot run; null when it can (or when none is injected)
     */
    public record Status(boolean injected, String command, String error) {
        public boolean usable() {
            return error == null;
        }
    }

    public Status status() {
        if (command.isEmpty()) {
            return new Status(false, "", null);
        }
        return new Status(true, String.join(" ", command), problem().orElse(null));
    }

    private Optional<String> problem() {
        String executable = command.getFirst();
        Optional<Path> found = locate(executable);
        if (found.isEmpty()) {
            return Optional.of(executable.contains("/") ? "executable " + executable + " does not exist"
                    : "executable " + executable + " is not on PATH");
        }
        Path exe = found.get();
        if (!Files.isRegularFile(exe) || !Files.isExecutable(exe)) {
            return Optional.of("executable " + exe + " is not executable");
        }
        int jarFlag = command.indexOf("-jar");
        if (jarFlag > 0 && jarFlag + 1 < command.size()) {
            Path jar = resolve(command.get(jarFlag + 1));
            if (jar == null || !Files.isRegularFile(jar)) {
                return Optional.of("jar " + command.get(jarFlag + 1) + " does not exist"
                        + (jar != null && jar.endsWith(Path.of("client-cli", "target", "agentd-cli.jar"))
                        ? " (build it: bin/agentd builds it, or ./mvnw -pl client-cli -am package)" : ""));
            }
        }
        return Optional.empty();
    }

    private Optional<Path> locate(String executable) {
        if (executable.contains("/")) {
            Path path = resolve(executable);
            return path != null && Files.exists(path) ? Optional.of(path) : Optional.empty();
        }
        Path notExecutable = null;
        for (String dir : env.getOrDefault("PATH", "").split(":")) {
            Path candidate = dir.isEmpty() ? null : resolve(dir + "/" + executable);
            if (candidate != null && Files.isRegularFile(candidate)) {
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
                notExecutable = notExecutable == null ? candidate : notExecutable;
            }
        }
        // A file that is there but may not be run is reported as such, not as missing.
        return Optional.ofNullable(notExecutable);
    }

    private Path resolve(String path) {
        try {
            return workingDir.resolve(path);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
