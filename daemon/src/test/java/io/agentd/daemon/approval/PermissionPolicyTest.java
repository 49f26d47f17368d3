package io.agentd.daemon.approval;

import io.agentd.store.approval.ApprovalStatus;
import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-22T04:30:22.120Z");

    private final PermissionPolicy policy = new PermissionPolicy(Clock.fixed(NOW, ZoneOffset.UTC));

    private static PermissionSettings bypassUntil(Instant expiresAt) {
        return new PermissionSettings(true, true, expiresAt, 60_000L);
    }

    @Test
    void aBypassThatExpiresNowHasExpired() {
        assertThat(policy.bypassExpired(bypassUntil(NOW))).isTrue();
        assertThat(policy.bypassExpired(bypassUntil(NOW.minusMillis(1)))).isTrue();
        assertThat(policy.bypassExpired(bypassUntil(NOW.plusMillis(1)))).isFalse();
        assertThat(policy.bypassActive(bypassUntil(NOW))).isFalse();
        assertThat(policy.bypassActive(bypassUntil(NOW.plusMillis(1)))).isTrue();
    }

    @Test
    void aBypassWithoutExpiryOrSwitchedOffNeverExpires() {
        assertThat(policy.bypassExpired(new PermissionSettings(false, true, null, null))).isFalse();
        assertThat(policy.bypassActive(new PermissionSettings(false, true, null, null))).isTrue();
        PermissionSettings off = new PermissionSettings(false, false, NOW.minusSeconds(5), null);
        assertThat(policy.bypassExpired(off)).isFalse();
        assertThat(policy.bypassActive(off)).isFalse();
    }

    @Test
    void launchCountsAPositiveTimeoutFromNowAndOnlyWithBypass() {
        assertThat(policy.atLaunch(true, true, 5_000L))
                .isEqualTo(new PermissionSettings(true, true, NOW.plusSeconds(5), 5_000L));
        assertThat(policy.atLaunch(false, true, 0L)).isEqualTo(new PermissionSettings(false, true, null, null));
        assertThat(policy.atLaunch(false, true, -3L)).isEqualTo(new PermissionSettings(false, true, null, null));
        assertThat(policy.atLaunch(false, true, null)).isEqualTo(new PermissionSettings(false, true, null, null));
        assertThat(policy.atLaunch(true, false, 5_000L)).isEqualTo(new PermissionSettings(true, false, null, null));
    }

    @Test
    void anUpdateLeavesAbsentFieldsAlone() {
        PermissionSettings current = bypassUntil(NOW.plusSeconds(60));
        PermissionPolicy.SettingsOutcome outcome = policy.update(current, false, null, 1_000L);
        assertThat(outcome.settings()).isEqualTo(new PermissionSettings(false, true, NOW.plusSeconds(60), 60_000L));
        assertThat(outcome.bypassSwitchedOn()).isFalse();
        assertThat(policy.update(current, null, null, null).settings()).isEqualTo(current);
    }

    @Test
    void switchingBypassOnReplacesItsExpiryAndSaysSo() {
        PermissionPolicy.SettingsOutcome on = policy.update(PermissionSettings.none(), null, true, 2_000L);
        assertThat(on.settings()).isEqualTo(new PermissionSettings(false, true, NOW.plusSeconds(2), 2_000L));
        assertThat(on.bypassSwitchedOn()).isTrue();
        PermissionPolicy.SettingsOutcome forever = policy.update(bypassUntil(NOW.plusSeconds(1)), null, true, null);
        assertThat(forever.settings()).isEqualTo(new PermissionSettings(true, true, null, null));
    }

    @Test
    void switchingBypassOffClearsItsExpiry() {
        PermissionPolicy.SettingsOutcome off = policy.update(bypassUntil(NOW.plusSeconds(60)), null, false, 9_000L);
        assertThat(off.settings()).isEqualTo(new PermissionSettings(true, false, null, null));
        assertThat(off.bypassSwitchedOn()).isFalse();
    }

    @Test
    void aContinuationInheritsTheParentsSettingsMinusAnExpiredBypass() {
        PermissionSettings running = bypassUntil(NOW.plusSeconds(60));
        assertThat(policy.inherited(running)).isEqualTo(running);
        assertThat(policy.inherited(bypassUntil(NOW))).isEqualTo(new PermissionSettings(true, false, null, null));
        assertThat(policy.inherited(PermissionSettings.none())).isEqualTo(PermissionSettings.none());
    }

    @Test
    void anEndedSessionExpiresItsApprovalWhateverItsSettings() {
        Optional<PermissionPolicy.Decision> d = policy.decide(session(SessionStatus.COMPLETED,
                new PermissionSettings(true, true, null, null)), "Edit");
        assertThat(d).contains(new PermissionPolicy.Decision(ApprovalStatus.EXPIRED, PermissionPolicy.SESSION_ENDED_COMMENT,
                DecidedBy.SESSION_ENDED));
    }

    @Test
    void anActiveBypassApprovesEverything() {
        assertThat(policy.decide(session(SessionStatus.RUNNING, bypassUntil(NOW.plusMillis(1))), "Bash"))
                .contains(new PermissionPolicy.Decision(ApprovalStatus.APPROVED, PermissionPolicy.BYPASS_COMMENT,
                        DecidedBy.DANGEROUSLY_SKIP_PERMISSIONS));
    }

    @Test
    void aBypassExpiringNowNoLongerApprovesButAutoAcceptStillApprovesEdits() {
        SessionRow s = session(SessionStatus.RUNNING, bypassUntil(NOW));
        assertThat(policy.decide(s, "Bash")).isEmpty();
        assertThat(policy.decide(s, "Write")).contains(new PermissionPolicy.Decision(ApprovalStatus.APPROVED,
                PermissionPolicy.AUTO_ACCEPT_COMMENT, DecidedBy.AUTO_ACCEPT_EDITS));
    }

    @Test
    void withoutAutomaticSettingsAPersonDecides() {
        assertThat(policy.decide(session(SessionStatus.RUNNING, PermissionSettings.none()), "Edit")).isEmpty();
        assertThat(policy.decide(session(SessionStatus.WAITING_INPUT,
                new PermissionSettings(true, false, null, null)), "Bash")).isEmpty();
    }

    private static SessionRow session(SessionStatus status, PermissionSettings permissions) {
        return new SessionRow("s1", "run-s1", "claude-s1", null, status, "q", "q", null, null, null, "/tmp",
                LaunchConfig.empty(), NOW, NOW, null, null, null, permissions, false, null, null);
    }
}
