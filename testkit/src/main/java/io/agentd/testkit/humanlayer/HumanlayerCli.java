package io.agentd.testkit.humanlayer;

import io.agentd.testkit.claude.ClaudeCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the pinned HumanLayer CLI ({@code humanlayer}, also called {@code hlyr}) that
 * {@code .ci/install-tools} installs into the project's {@code tools/} folder: hld's own client, used to
 * show that agentd serves it unchanged.
 *
 * <p>Lookup order: the system property {@value #PATH_PROPERTY}; else
 * {@code <root>/tools/node_modules/.bin/humanlayer}, where the root is found as for
 * {@link ClaudeCli#projectRoot()}.
 */
public final class HumanlayerCli {
    /** The CLI version the tests are written against. */
    public static final String VERSION = "0.17.2-npm";
    /** System property naming the humanlayer executable explicitly. */
    public static final String PATH_PROPERTY = "agentd.humanlayer.path";

    private static final Path RELATIVE_BIN = Path.of("tools", "node_modules", ".bin", "humanlayer");

    private HumanlayerCli() {
    }

    /** The executable if it is installed. */
    public static Optional<Path> find() {
        return Optional.of(candidate()).filter(HumanlayerCli::isExecutable);
    }

    /** The executable, or an exception that says how to install it. */
    public static Path require() {
        Path candidate = candidate();
        if (isExecutable(candidate)) {
            return candidate;
        }
        String source = System.getProperty(PATH_PROPERTY) != null
                ? "set by -D" + PATH_PROPERTY
                : "under the project root " + ClaudeCli.projectRoot().map(Path::toString).orElse("(not found)");
        throw new IllegalStateException("HumanLayer CLI " + VERSION + " not found at " + candidate + " (" + source
                + "). Run .ci/install-tools from the project root to install it.");
    }

    /**
     * The installed package's bundled entry point ({@code dist/index.js}), which holds hlyr's daemon client;
     * the {@code .bin} link is resolved to find it.
     */
    public static Path bundle() {
        try {
            return require().toRealPath();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot resolve " + require(), e);
        }
    }

    private static Path candidate() {
        String explicit = System.getProperty(PATH_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        return ClaudeCli.projectRoot().orElseGet(() -> Path.of("").toAbsolutePath()).resolve(RELATIVE_BIN);
    }

    private static boolean isExecutable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
