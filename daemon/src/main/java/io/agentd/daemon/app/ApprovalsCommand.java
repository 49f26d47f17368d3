package io.agentd.daemon.app;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Which command the daemon injects as the {@code codelayer} MCP approvals server. An explicit value
 * ({@code --approvals-command}, else {@code AGENTD_APPROVALS_COMMAND}) wins, and an explicitly empty one
 * turns injection off. Without either, agentd's own server is used: {@code agentctl mcp claude_approvals}
 * from the CLI jar built next to the daemon jar ({@code <root>/client-cli/target/agentd-cli.jar}), also when that
 * jar is not built yet: the daemon checks the command at start and refuses launches while it cannot run.
 *
 * @param command the argv; empty: no injection
 */
record ApprovalsCommand(List<String> command) {
    static final String ENV = "AGENTD_APPROVALS_COMMAND";
    private static final String CLI_JAR = "client-cli/target/agentd-cli.jar";

    ApprovalsCommand {
        command = List.copyOf(command);
    }

    static ApprovalsCommand resolve(String flag, Map<String, String> env, Path codeLocation, Path javaHome) {
        if (flag != null) {
            return new ApprovalsCommand(split(flag));
        }
        if (env.containsKey(ENV)) {
            return new ApprovalsCommand(split(env.get(ENV)));
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
        // Where the jar would be even when it is missing: the start-up check then names the file to build.
        Path cli = root == null ? Path.of(CLI_JAR).toAbsolutePath() : root.resolve(CLI_JAR);
        return new ApprovalsCommand(List.of(javaHome.resolve("bin/java").toString(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", cli.toString(), "mcp", "claude_approvals"));
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
