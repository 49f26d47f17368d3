package io.agentd.store.jdbc;

import io.agentd.store.Database;
import io.agentd.store.approval.ApprovalRepository;
import io.agentd.store.approval.ApprovalRow;
import io.agentd.store.approval.ApprovalStatus;
import io.agentd.store.event.EventRepository;
import io.agentd.store.event.EventRow;
import io.agentd.store.mcp.McpServerRepository;
import io.agentd.store.mcp.McpServerRow;
import io.agentd.store.process.ProcessRepository;
import io.agentd.store.process.ProcessRow;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.snapshot.FileSnapshotRow;
import io.agentd.store.snapshot.SnapshotRepository;
import io.agentd.store.testing.Sessions;
import io.agentd.store.testing.TempDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mappers read columns by position: every column written must come back in its own field. (Sessions
 * and conversation events have their own round trips.)
 */
@ExtendWith(TempDatabaseExtension.class)
class ReadMappersTest {
    private static final Instant T = Instant.ofEpochMilli(1_700_000_000_123L);

    @Test
    void approvalsRoundTripEveryColumn(Database db) {
        SessionRow s = insertSession(db);
        ApprovalRow row = new ApprovalRow("local-1", "run-1", s.id(), ApprovalStatus.APPROVED, T, T.plusSeconds(1),
                "Write", "{\"file_path\":\"x\"}", "fine", "toolu_1", "human", null);
        ApprovalRepository approvals = new ApprovalRepository();
        db.write(tx -> {
            approvals.insert(tx.connection(), row);
            return null;
        });

        assertThat(db.<Optional<ApprovalRow>>read(c -> approvals.find(c, "local-1"))).contains(row);
    }

    @Test
    void processesRoundTripEveryColumn(Database db) {
        SessionRow s = insertSession(db);
        ProcessRepository processes = new ProcessRepository();
        db.write(tx -> {
            processes.insert(tx.connection(), s.id(), "/spool", "/mcp.json");
            processes.setStarted(tx.connection(), s.id(), 4242, T);
            processes.setOffset(tx.connection(), s.id(), 99);
            processes.setInterruptRequested(tx.connection(), s.id(), T.plusSeconds(1));
            processes.setStopReason(tx.connection(), s.id(), "idle");
            processes.setEnded(tx.connection(), s.id(), 3, T.plusSeconds(2));
            return null;
        });

        assertThat(db.<Optional<ProcessRow>>read(c -> processes.find(c, s.id()))).contains(new ProcessRow(s.id(), 4242L, T, "/spool", 99,
                "/mcp.json", T.plusSeconds(1), 3, T.plusSeconds(2), "idle"));
    }

    @Test
    void mcpServersSnapshotsAndEventsRoundTripEveryColumn(Database db) {
        SessionRow s = insertSession(db);
        McpServerRow server = new McpServerRow.Stdio(s.id(), "approvals", "agentctl", List.of("mcp", "--x"), Map.of("K", "V"));
        FileSnapshotRow snapshot = new FileSnapshotRow("toolu_1", s.id(), "/a.txt", "text", T);
        EventRepository events = new EventRepository();
        EventRow event = db.write(tx -> {
            new McpServerRepository().insert(tx.connection(), server);
            new SnapshotRepository().insert(tx.connection(), snapshot);
            return events.append(tx.connection(), "session_status_changed", s.id(), s.runId(), T, "{\"a\":1}");
        });

        assertThat(db.<List<McpServerRow>>read(c -> new McpServerRepository().bySession(c, s.id())))
                .containsExactly(server);
        assertThat(db.<List<FileSnapshotRow>>read(c -> new SnapshotRepository().bySession(c, s.id())))
                .containsExactly(snapshot);
        assertThat(db.<List<EventRow>>read(c -> events.after(c, 0, 10))).containsExactly(event);
    }

    @Test
    void aColumnMissingFromTheListIsAProgrammingError() {
        assertThat(ResultColumns.position(List.of("id", "name"), "name")).isEqualTo(2);
        assertThatThrownBy(() -> ResultColumns.position(List.of("id"), "nme"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nme");
    }

    private static SessionRow insertSession(Database db) {
        SessionRow s = Sessions.newSession("q");
        db.write(tx -> {
            new SessionRepository().insert(tx.connection(), s);
            return null;
        });
        return s;
    }
}
