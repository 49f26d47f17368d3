package io.agentd.daemon.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Which command the daemon injects as the {@code codelayer} MCP approvals server. An explicit value
 * ({@code --approvals-command}, else {@code AGENTD_APPROVALS_COMMAND}) wins, and an explicitly empty one
 * turns injection off. Without either, agentd's own server is used: {@code agentctl mcp claude_approvals}
 * from the CLI jar built next to the daemon jar ({@code <root>/client-cli/target/agentd-cli.jar}).
 *
 * @param command the argv; empty: no injection
 * @param warning why the default could not be used, or null
 */
record ApprovalsCommand(List<String> command, String warning) {
    static final String ENV = "AGENTD_APPROVALS_COMMAND";

    ApprovalsCommand {
        command = List.copyOf(command);
    }

    static ApprovalsCommand resolve(String flag, Map<String, String> env, Path codeLocation, Path javaHome) {
        if (flag != null) {
            return new ApprovalsCommand(split(flag), null);
        }
        if (env.containsKey(ENV)) {
            return new ApprovalsCommand(split(env.get(ENV)), null);
        }
        return builtIn(codeLocation, javaHome);
    }

    /**
     * The daemon runs from {@code <root>/daemon/target/agentd-daemon.jar} (or, in tests, from
     * {@code <root>/daemon/target/classes}); the CLI jar is {@code <root>/client-cli/target/agentd-cli.jar}.
     */
    static ApprovalsCommand builtIn(Path codeLocation, Path javaHome) {
        Path target = codeLocation == null ? null : codeLocation.toAbsolutePath().getParent();
        Path root = target == null || target.getParent() == null ? null : target.getParent().getParent();
        Path cli = root == null ? null : root.resolve("client-cli/target/agentd-cli.jar");
        if (cli == null || !Files.isRegularFile(cli)) {
            return new ApprovalsCommand(List.of(), "agentd's approvals server " + (cli == null ? "agentd-cli.jar" : cli)
                    + " is not built, so sessions get no approvals server; build client-cli or set --approvals-command");
        }
        return new ApprovalsCommand(List.of(javaHome.resolve("bin/java").toString(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", cli.toString(), "mcp", "claude_approvals"), null);
    }

    /** Where this class was loaded from: the daemon jar, or its classes folder. */
    static Path codeLocation() {
        try {
            var source = ApprovalsCommand.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
    }
}
