package io.agentd.daemon.approval;

import io.agentd.daemon.approval.rules.PermissionRule;
import io.agentd.daemon.approval.rules.RuleDecision;
import io.agentd.daemon.approval.rules.RuleScope;
import io.agentd.daemon.approval.rules.RuleSpec;
import io.agentd.daemon.approval.rules.RuleVerdict;
import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of docs/approvals.md "Rules at creation": ended, deny rule, bypass, ask rule, allow rule,
 * auto-accept, a person.
 */
class PermissionPolicyOrderTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final PermissionPolicy policy = new PermissionPolicy(Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest(name = "[{index}] ended={0} bypass={1} autoAccept={2} rule={3} tool={4}")
    @CsvSource(nullValues = "-", textBlock = """
            true,  true,  true,  allow, Edit,  expired,  session_ended
            true,  false, false, deny,  Bash,  expired,  session_ended
            false, true,  true,  deny,  Edit,  denied,   rule
            false, true,  false, ask,   Bash,  approved, dangerously_skip_permissions
            false, true,  false, -,     Bash,  approved, dangerously_skip_permissions
            false, false, true,  ask,   Edit,  -,        -
            false, false, false, ask,   Bash,  -,        -
            false, false, true,  allow, Edit,  approved, rule
            false, false, false, allow, Bash,  approved, rule
            false, false, true,  -,     Edit,  approved, auto_accept_edits
            false, false, true,  -,     Bash,  -,        -
            false, false, false, -,     Edit,  -,        -
            """)
    void decidesInTheDocumentedOrder(boolean ended, boolean bypass, boolean autoAccept, String rule, String tool,
                                     String status, String decidedBy) {
        SessionRow session = new SessionRow("s1", "run-s1", "claude-s1", null,
                ended ? SessionStatus.COMPLETED : SessionStatus.RUNNING, "q", "q", null, null, null, "/tmp",
                LaunchConfig.empty(), NOW, NOW, null, null, null,
                new PermissionSettings(autoAccept, bypass, null, null), false, null, null);
        Optional<PermissionPolicy.Decision> d = policy.decide(session, tool, verdict(rule, tool));
        if (status == null) {
            assertThat(d).isEmpty();
            return;
        }
        assertThat(d).isPresent();
        assertThat(d.get().status().wireName()).isEqualTo(status);
        assertThat(d.get().decidedBy().wireName()).isEqualTo(decidedBy);
        assertThat(d.get().ruleId()).isEqualTo(decidedBy.equals("rule") ? "r1" : null);
        if (rule != null && rule.equals("deny") && !ended) {
            assertThat(d.get().comment()).isEqualTo("no, because");
        }
    }

    private static RuleVerdict verdict(String decision, String tool) {
        if (decision == null) {
            return RuleVerdict.none("no rule");
        }
        PermissionRule r = new PermissionRule("r1", RuleSpec.parse(tool), RuleDecision.fromWire(decision),
                RuleScope.global(), Optional.of("no, because"), Optional.empty(), "human", NOW);
        return new RuleVerdict(Optional.of(r.decision()), Optional.of(r), "matches");
    }
}
