package io.agentd.daemon.claude;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The result of looking for the Claude Code CLI: where it is and its version, or why it is unusable.
 *
 * @param path null when not found
 * @param version null when unknown (not found, or {@code --version} failed)
 * @param error null when usable
 */
public record ClaudeBinary(Path path, String version, String error) {
    public static ClaudeBinary found(Path path, String version) {
        return new ClaudeBinary(path, version, null);
    }

    public static ClaudeBinary missing(String error) {
        return new ClaudeBinary(null, null, error);
    }

    public boolean available() {
        return path != null && error == null;
    }

    public Optional<Path> usablePath() {
        return available() ? Optional.of(path) : Optional.empty();
    }
}
