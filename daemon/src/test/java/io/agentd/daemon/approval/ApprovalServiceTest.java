package io.agentd.daemon.approval;

import io.agentd.daemon.error.AgentdException;
import io.agentd.store.Database;
import io.agentd.store.approval.ApprovalRow;
import io.agentd.store.approval.ApprovalStatus;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.testing.TempDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.agentd.daemon.approval.ApprovalFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(TempDatabaseExtension.class)
class ApprovalServiceTest {
    private ApprovalFixtures f;

    @BeforeEach
    void setUp(Database database) {
        f = new ApprovalFixtures(database);
    }

    @Test
    void withoutARuleTheApprovalWaitsAndTheSessionWaitsForInput() {
        f.session("s1");

        ApprovalRow a = f.create("s1", "Bash", "toolu_1");

        assertThat(a.id()).startsWith("local-");
        assertThat(a.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(a.runId()).isEqualTo("run-s1");
        assertThat(a.decidedBy()).isNull();
        assertThat(f.find("s1").status()).isEqualTo(SessionStatus.WAITING_INPUT);
        assertThat(f.changes()).containsExactly("new_approval Bash pending", "status s1 running waiting_input");
        assertThat(f.service.pending("s1")).extracting(ApprovalRow::id).containsExactly(a.id());
    }

    @Test
    void bypassApprovesEverythingAndLeavesTheSessionRunning() {
        f.session("s1", new PermissionSettings(false, true, NOW.plusSeconds(60), 60_000L));

        ApprovalRow a = f.create("s1", "Bash", "toolu_1");

        assertThat(a.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(a.comment()).isEqualTo("Auto-accepted (dangerous skip permissions enabled)");
        assertThat(a.decidedBy()).isEqualTo("dangerously_skip_permissions");
        assertThat(a.respondedAt()).isEqualTo(NOW);
        assertThat(f.find("s1").status()).isEqualTo(SessionStatus.RUNNING);
        assertThat(f.changes()).containsExactly("new_approval Bash pending",
                "approval_resolved approved dangerously_skip_permissions Auto-accepted (dangerous skip permissions enabled)");
    }

    @Test
    void anExpiredBypassIsSwitchedOffAndTheApprovalWaits() {
        f.session("s1", new PermissionSettings(false, true, NOW.minusSeconds(1), 60_000L));

        ApprovalRow a = f.create("s1", "Bash", "toolu_1");

        assertThat(a.status()).isEqualTo(ApprovalStatus.PENDING);
        PermissionSettings after = f.find("s1").permissions();
        assertThat(after.dangerouslySkipPermissions()).isFalse();
        assertThat(after.bypassExpiresAt()).isNull();
        assertThat(f.changes()).containsExactly("settings s1", "new_approval Bash pending",
                "status s1 running waiting_input");
    }

    @Test
    void anExpiredBypassStillLetsAutoAcceptApproveEdits() {
        f.session("s1", new PermissionSettings(true, true, NOW, 1L));

        assertThat(f.create("s1", "Edit", "toolu_1").decidedBy()).isEqualTo("auto_accept_edits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Edit", "Write", "MultiEdit", "NotebookEdit"})
    void autoAcceptApprovesFileEdits(String tool) {
        f.session("s1", new PermissionSettings(true, false, null, null));

        ApprovalRow a = f.create("s1", tool, "toolu_1");

        assertThat(a.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(a.comment()).isEqualTo("Auto-accepted (auto-accept mode enabled)");
        assertThat(a.decidedBy()).isEqualTo("auto_accept_edits");
        assertThat(f.find("s1").status()).isEqualTo(SessionStatus.RUNNING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bash", "Read", "WebFetch", "edit"})
    void autoAcceptLeavesOtherToolsToAPerson(String tool) {
        f.session("s1", new PermissionSettings(true, false, null, null));

        assertThat(f.create("s1", tool, "toolu_1").status()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void aDecisionMarksTheToolCallAndResumesTheSession() {
        f.session("s1");
        f.toolCall("s1", "toolu_1", "Bash");
        ApprovalRow a = f.create("s1", "Bash", "toolu_1");
        assertThat(f.storedToolCall("s1", "toolu_1").approvalId()).isEqualTo(a.id());
        assertThat(f.storedToolCall("s1", "toolu_1").approvalStatus()).isEqualTo("pending");

        ApprovalService.DecisionOutcome outcome = f.service.decide(a.id(), true, null);

        assertThat(outcome).isEqualTo(new ApprovalService.DecisionOutcome(true, null));
        assertThat(f.approval(a.id()).status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(f.approval(a.id()).decidedBy()).isEqualTo("human");
        assertThat(f.storedToolCall("s1", "toolu_1").approvalStatus()).isEqualTo("approved");
        assertThat(f.find("s1").status()).isEqualTo(SessionStatus.RUNNING);
        assertThat(f.changes()).endsWith("approval_resolved approved human null", "status s1 waiting_input running");
    }

    @Test
    void theFirstDecisionWins() {
        f.session("s1");
        ApprovalRow a = f.create("s1", "Bash", "toolu_1");
        f.service.decide(a.id(), false, "no");

        ApprovalService.DecisionOutcome second = f.service.decide(a.id(), true, null);

        assertThat(second.success()).isFalse();
        assertThat(second.error()).isEqualTo("failed to update approval: approval " + a.id()
                + " already decided with status: denied");
        assertThat(f.approval(a.id()).comment()).isEqualTo("no");
    }

    @Test
    void theSessionWaitsUntilTheLastPendingApprovalIsDecided() {
        f.session("s1");
        ApprovalRow first = f.create("s1", "Bash", "toolu_1");
        ApprovalRow second = f.create("s1", "Bash", "toolu_2");

        f.service.decide(first.id(), true, null);
        assertThat(f.find("s1").status()).isEqualTo(SessionStatus.WAITING_INPUT);

        f.service.decide(second.id(), false, "not that");
        assertThat(f.find("s1").status()).isEqualTo(SessionStatus.RUNNING);
    }

    @Test
    void endingTheSessionExpiresItsPendingApprovals() {
        f.session("s1");
        f.toolCall("s1", "toolu_1", "Bash");
        ApprovalRow a = f.create("s1", "Bash", "toolu_1");

        f.end("s1");

        ApprovalRow expired = f.approval(a.id());
        assertThat(expired.status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(expired.comment()).isEqualTo("session ended before a decision");
        assertThat(expired.decidedBy()).isEqualTo("session_ended");
        assertThat(f.storedToolCall("s1", "toolu_1").approvalStatus()).isEqualTo("denied");
        assertThat(f.changes()).endsWith("status s1 waiting_input completed",
                "approval_resolved expired session_ended session ended before a decision");
        assertThat(f.service.decide(a.id(), true, null).error())
                .isEqualTo("failed to update approval: approval " + a.id() + " already decided with status: expired");
        assertThat(f.service.pending("s1")).isEmpty();
    }

    @Test
    void anApprovalForAnEndedSessionIsExpiredAtOnce() {
        f.session("s1");
        f.end("s1");

        ApprovalRow a = f.create("s1", "Bash", "toolu_1");

        assertThat(a.status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(f.find("s1").status()).isEqualTo(SessionStatus.COMPLETED);
    }

    @Test
    void enablingBypassApprovesWhatIsPending() {
        f.session("s1");
        ApprovalRow a = f.create("s1", "Bash", "toolu_1");
        ApprovalRow b = f.create("s1", "Write", "toolu_2");

        f.database.write(tx -> {
            f.service.bypassEnabled(tx, "s1");
            return null;
        });

        for (ApprovalRow row : new ApprovalRow[] {f.approval(a.id()), f.approval(b.id())}) {
            assertThat(row.status()).isEqualTo(ApprovalStatus.APPROVED);
            assertThat(row.comment()).isEqualTo("Auto-approved due to bypass permissions");
            assertThat(row.decidedBy()).isEqualTo("bypass_enabled");
        }
        assertThat(f.find("s1").status()).isEqualTo(SessionStatus.RUNNING);
    }

    @Test
    void withoutAToolUseIdTheSessionIsFoundByRunIdAndTheLatestCallOfThatToolIsLinked() {
        f.session("s1");
        f.toolCall("s1", "toolu_old", "Bash");
        f.toolCall("s1", "toolu_new", "Bash");

        ApprovalRow a = f.service.create(new ApprovalService.NewApproval("run-s1", "Bash", "null", null));

        assertThat(a.sessionId()).isEqualTo("s1");
        assertThat(a.toolUseId()).isNull();
        assertThat(f.storedToolCall("s1", "toolu_new").approvalId()).isEqualTo(a.id());
        assertThat(f.storedToolCall("s1", "toolu_old").approvalId()).isNull();
    }

    @Test
    void unknownSessionsAreNamedInHldsWords() {
        assertThatThrownBy(() -> f.create("nope", "Bash", "toolu_1")).isInstanceOf(AgentdException.class)
                .hasMessage("failed to create approval with tool use ID: failed to get session: session not found: nope");
        assertThatThrownBy(() -> f.create("nope", "Bash", null)).isInstanceOf(AgentdException.class)
                .hasMessage("failed to create approval: session not found for run_id: nope");
        assertThatThrownBy(() -> f.service.get("local-x")).isInstanceOf(AgentdException.class)
                .hasMessage("failed to get approval: failed to get approval: approval not found: local-x");
    }

    @Test
    void aBypassThatExpiresNowIsSwitchedOffAndTheApprovalWaits() {
        f.session("s1", new PermissionSettings(false, true, NOW, 60_000L));

        assertThat(f.create("s1", "Bash", "toolu_1").status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(f.find("s1").permissions().dangerouslySkipPermissions()).isFalse();
        assertThat(f.changes()).startsWith("settings s1");
    }

    @Test
    void aBypassThatExpiresAMillisecondFromNowStillApproves() {
        f.session("s1", new PermissionSettings(false, true, NOW.plusMillis(1), 60_000L));

        assertThat(f.create("s1", "Bash", "toolu_1").decidedBy()).isEqualTo("dangerously_skip_permissions");
        assertThat(f.find("s1").permissions().dangerouslySkipPermissions()).isTrue();
    }

    @Test
    void withoutASessionThereIsNothingPending() {
        f.session("s1");
        f.create("s1", "Bash", "toolu_1");

        assertThat(f.service.pending(null)).isEmpty();
        assertThat(f.service.pending("")).isEmpty();
        assertThat(f.service.pending("nope")).isEmpty();
        assertThat(f.service.pending("s1")).hasSize(1);
    }

    @Test
    void aDecisionOnAnUnknownApprovalIsRefusedAsAnOutcome() {
        assertThat(f.service.decide("local-x", true, null))
                .isEqualTo(new ApprovalService.DecisionOutcome(false, "failed to get approval: approval not found: local-x"));
    }
}
