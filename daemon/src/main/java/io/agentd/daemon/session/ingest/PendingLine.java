package io.agentd.daemon.session.ingest;

import io.agentd.daemon.session.stream.FileSnapshot;
import io.agentd.daemon.session.stream.StreamEvent;

import java.util.List;

/** A parsed stdout line waiting for its transaction, with the file snapshots its Read results carry. */
record PendingLine(StreamEvent event, String raw, List<Snapshot> snapshots) {
    /** The stream-json {@code type} the line is stored under; null for a line that is not an event. */
    String type() {
        return switch (event) {
            case StreamEvent.SystemInit ignored -> "system";
            case StreamEvent.SystemOther ignored -> "system";
            case StreamEvent.Assistant ignored -> "assistant";
            case StreamEvent.User ignored -> "user";
            case StreamEvent.Result ignored -> StreamEvent.Result.TYPE;
            case StreamEvent.Unknown u -> u.type();
            case StreamEvent.Malformed ignored -> null;
        };
    }

    /** A Read result's file content and the tool call it answers. */
    record Snapshot(String toolId, FileSnapshot file) {
    }
}
