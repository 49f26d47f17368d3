package io.agentd.daemon.session.ingest;

import io.agentd.daemon.session.stream.FileSnapshot;
import io.agentd.daemon.session.stream.StreamEvent;

import java.util.List;

/** A parsed stdout line waiting for its transaction, with the file snapshots its Read results carry. */
record PendingLine(StreamEvent event, String raw, List<Snapshot> snapshots) {

    /** A Read result's file content and the tool call it answers. */
    record Snapshot(String toolId, FileSnapshot file) {
    }
}
