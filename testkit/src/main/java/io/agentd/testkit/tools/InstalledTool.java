package io.agentd.testkit.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A pinned command-line tool that {@code .ci/install-tools} installs into the project's git-ignored
 * {@code tools/} folder.
 *
 * <p>Lookup order: the system property {@code pathProperty}; else {@code <root>/<relativePath>}, where the root
 * is the system property {@value #ROOT_PROPERTY} (the build passes it to integration tests) or, failing that,
 * the nearest directory above the working directory that holds {@code .ci/install-tools}.
 *
 * @param name         for messages, e.g. "Claude Code CLI"
 * @param version      the version the tests are written against
 * @param pathProperty system property naming the executable explicitly
 * @param relativePath the executable below the project root
 */
public record InstalledTool(String name, String version, String pathProperty, Path relativePath) {
    /** System property naming the project root. */
    public static final String ROOT_PROPERTY = "agentd.root";

    private static final Path INSTALL_SCRIPT = Path.of(".ci", "install-tools");

    /** The executable if it is installed. */
    public Optional<Path> find() {
        return Optional.of(candidate()).filter(InstalledTool::isExecutable);
    }

    /** The executable, or an exception that says how to install it. */
    public Path require() {
        Path candidate = candidate();
        if (isExecutable(candidate)) {
            return candidate;
        }
        String source = System.getProperty(pathProperty) != null
                ? "set by -D" + pathProperty
                : "under the project root " + projectRoot().map(Path::toString).orElse("(not found)");
        throw new IllegalStateException(name + " " + version + " not found at " + candidate + " (" + source
                + "). Run .ci/install-tools from the project root to install it.");
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

    private Path candidate() {
        String explicit = System.getProperty(pathProperty);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        return projectRoot().orElseGet(() -> Path.of("").toAbsolutePath()).resolve(relativePath);
    }

    private static boolean isExecutable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
