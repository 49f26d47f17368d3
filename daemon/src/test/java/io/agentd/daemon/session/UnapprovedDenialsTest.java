package io.agentd.daemon.session;

import io.agentd.daemon.session.stream.PermissionDenial;
import io.agentd.store.Database;
import io.agentd.store.approval.ApprovalRepository;
import io.agentd.store.approval.ApprovalRow;
import io.agentd.store.approval.ApprovalStatus;
import io.agentd.store.mcp.McpServerRepository;
import io.agentd.store.mcp.McpServerRow;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.testing.Sessions;
import io.agentd.store.testing.TempDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.MissingNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(TempDatabaseExtension.class)
class UnapprovedDenialsTest {
    private static final PermissionDenial ASKED = new PermissionDenial("Write", "toolu_asked", MissingNode.getInstance());
    private static final PermissionDenial UNASKED = new PermissionDenial("Bash", "toolu_unasked", MissingNode.getInstance());

    @Test
    void withTheApprovalsServerInjectedADenialNoApprovalSawIsFound(Database db) {
        SessionRow session = session(db, true);

        List<PermissionDenial> found = new UnapprovedDenials(db).find(session.id(), List.of(ASKED, UNASKED));

        assertThat(found).containsExactly(UNASKED);
    }

    @Test
    void withoutAnApprovalsServerRefusingOnItsOwnIsWhatTheUserChose(Database db) {
        SessionRow session = session(db, false);

        assertThat(new UnapprovedDenials(db).find(session.id(), List.of(UNASKED))).isEmpty();
    }

    private static SessionRow session(Database db, boolean injected) {
        SessionRow session = Sessions.newSession("write it");
        db.write(tx -> {
            new SessionRepository().insert(tx.connection(), session);
            if (injected) {
                new McpServerRepository().insert(tx.connection(), new McpServerRow.Stdio(session.id(), McpInjection.SERVER_NAME,
                        "agentctl", List.of("mcp", "claude_approvals"), Map.of()));
            }
            new ApprovalRepository().insert(tx.connection(), new ApprovalRow("local-1", session.runId(), session.id(),
                    ApprovalStatus.DENIED, Instant.now(), Instant.now(), "Write", "{}", "no", "toolu_asked", "human"));
            return null;
        });
        return session;
    }
}
