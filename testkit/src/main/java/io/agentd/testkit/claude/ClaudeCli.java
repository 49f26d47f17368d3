package io.agentd.testkit.claude;

import io.agentd.testkit.tools.InstalledTool;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the pinned real Claude Code CLI that {@code .ci/install-tools} installs into the project's
 * {@code tools/} folder: {@value #PATH_PROPERTY} if set, else
 * {@code <root>/tools/node_modules/@anthropic-ai/claude-code/bin/claude.exe} (see {@link InstalledTool}).
 */
public final class ClaudeCli {
    /** The CLI version the tests are written against. */
    public static final String VERSION = "2.1.328";
    /** System property naming the claude executable explicitly. */
    public static final String PATH_PROPERTY = "agentd.claude.path";
    /** System property naming the project root. */
    public static final String ROOT_PROPERTY = InstalledTool.ROOT_PROPERTY;

    private static final InstalledTool TOOL = new InstalledTool("Claude Code CLI", VERSION, PATH_PROPERTY,
            Path.of("tools", "node_modules", "@anthropic-ai", "claude-code", "bin", "claude.exe"));

    private ClaudeCli() {
    }

    /** The executable if it is installed. */
    public static Optional<Path> find() {
        return TOOL.find();
    }

    /** The executable, or an exception that says how to install it. */
    public static Path require() {
        return TOOL.require();
    }

    /** The project root: {@value #ROOT_PROPERTY}, else the nearest ancestor holding {@code .ci/install-tools}. */
    public static Optional<Path> projectRoot() {
        return InstalledTool.projectRoot();
    }
}
