package io.agentd.cli.protocol;

import static java.util.Objects.requireNonNull;

/** Params of {@code archiveSession}. */
public record ArchiveParams(String sessionId, boolean archived) {
    public ArchiveParams {
        requireNonNull(sessionId, "sessionId is null");
    }
}
