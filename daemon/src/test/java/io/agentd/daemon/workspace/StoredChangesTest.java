package io.agentd.daemon.workspace;

import io.agentd.daemon.workspace.changes.ChangeStatus;
import io.agentd.daemon.workspace.changes.FileChange;
import io.agentd.daemon.workspace.changes.SessionChanges;
import io.agentd.daemon.workspace.changes.StoredChanges;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoredChangesTest {
    @Test
    void changesSurviveTheRoundTripThroughTheStoresRows() {
        SessionChanges changes = new SessionChanges("s1", SessionChanges.Source.SCAN, List.of(
                new FileChange("a.txt", ChangeStatus.MODIFIED, "-a\n+b\n", false, false, 2, 2, ""),
                new FileChange("x.bin", ChangeStatus.ADDED, "", true, false, -1, 4, "binary: not diffed")),
                true, "scan stopped");
        var row = StoredChanges.toRow(changes, Instant.EPOCH);
        assertThat(row.source()).isEqualTo("scan");
        assertThat(row.files().getFirst().status()).isEqualTo("modified");
        assertThat(StoredChanges.fromRow(row)).isEqualTo(changes);
    }
}
