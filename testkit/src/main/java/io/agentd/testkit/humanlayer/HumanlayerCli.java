package io.agentd.testkit.humanlayer;

import io.agentd.testkit.tools.InstalledTool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the pinned HumanLayer CLI ({@code humanlayer}, also called {@code hlyr}) that
 * {@code .ci/install-tools} installs into the project's {@code tools/} folder: hld's own client, used to
 * show that agentd serves it unchanged. {@value #PATH_PROPERTY} if set, else
 * {@code <root>/tools/node_modules/.bin/humanlayer} (see {@link InstalledTool}).
 */
public final class HumanlayerCli {
    /** The CLI version the tests are written against. */
    public static final String VERSION = "0.17.2-npm";
    /** System property naming the humanlayer executable explicitly. */
    public static final String PATH_PROPERTY = "agentd.humanlayer.path";

    private static final InstalledTool TOOL = new InstalledTool("HumanLayer CLI", VERSION, PATH_PROPERTY,
            Path.of("tools", "node_modules", ".bin", "humanlayer"));

    private HumanlayerCli() {
    }

    /** The executable if it is installed. */
    public static Optional<Path> find() {
        return TOOL.find();
    }

    /** The executable, or an exception that says how to install it. */
    public static Path require() {
        return TOOL.require();
    }

    /**
     * The installed package's bundled entry point ({@code dist/index.js}), which holds hlyr's daemon client;
     * the {@code .bin} link is resolved to find it.
     */
    public static Path bundle() {
        Path executable = require();
        try {
            return executable.toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException("cannot resolve " + executable, e);
        }
    }
}
