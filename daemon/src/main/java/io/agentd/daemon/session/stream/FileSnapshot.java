package io.agentd.daemon.session.stream;

import static java.util.Objects.requireNonNull;

/** The content of a file as Claude saw it through a Read call; {@code filePath} exactly as the tool input gave it. */
public record FileSnapshot(String filePath, String content) {
    public FileSnapshot {
        requireNonNull(filePath, "filePath is null");
        requireNonNull(content, "content is null");
    }
}
