package io.agentd.testkit.claude;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the pinned real Claude Code CLI that {@code .ci/install-tools} installs into the project's
 * {@code tools/} folder.
 *
 * <p>Lookup order: the system property {@value #PATH_PROPERTY}; else
 * {@code <root>/tools/node_modules/@anthropic-ai/claude-code/bin/claude.exe}, where the root is the
 * system property {@value #ROOT_PROPERTY} (the build passes it to integration tests) or, failing
 * that, the nearest directory above the working directory that holds {@code .ci/install-tools}.
 */
public final class ClaudeCli {
    /** The CLI version the tests are written against. */
    public static final String VERSION = "2.1.328";
    /** System property naming the claude executable explicitly. */
    public static final String PATH_PROPERTY = "agentd.claude.path";
    /** System property naming the project root. */
    public static final String ROOT_PROPERTY = "agentd.root";

    private static final Path RELATIVE_EXE = Path.of("tools", "node_modules", "@anthropic-ai", "claude-code",
            "bin", "claude.exe");
    private static final Path INSTALL_SCRIPT = Path.of(".ci", "install-tools");

    private ClaudeCli() {
    }

    /** The executable if it is installed. */
    public static Optional<Path> find() {
        return Optional.of(candidate()).filter(ClaudeCli::isExecutable);
    }

    /** The executable, or an exception that says how to install it. */
    public static Path require() {
        Path candidate = candidate();
        if (isExecutable(candidate)) {
            return candidate;
        }
        String source = System.getProperty(PATH_PROPERTY) != null
                ? "set by -D" + PATH_PROPERTY
                : "under the project root " + projectRoot().map(Path::toString).orElse("(not found)");
        throw new IllegalStateException("Claude Code CLI " + VERSION + " not found at " + candidate + " (" + source
                + "). Run .ci/install-tools from the project root to install it.");
    }

    private static Path candidate() {
        String explicit = System.getProperty(PATH_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        return projectRoot().orElseGet(() -> Path.of("").toAbsolutePath()).resolve(RELATIVE_EXE);
    }

    /** The project root: {@value #ROOT_PROPERTY}, else the nearest ancestor holding {@code .ci/install-tools}. */
    public static Optional<Path> projectRoot() {
        String root = System.getProperty(ROOT_PROPERTY);
        if (root != null && !root.isBlank()) {
            return Optional.of(Path.of(root).toAbsolutePath());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(INSTALL_SCRIPT))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
