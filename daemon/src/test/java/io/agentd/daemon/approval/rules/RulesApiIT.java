package io.agentd.daemon.approval.rules;

import io.agentd.daemon.approval.ApprovalExpiry;
import io.agentd.daemon.approval.ApprovalService;
import io.agentd.daemon.approval.BypassExpiry;
import io.agentd.daemon.bus.EventBus;
import io.agentd.daemon.bus.EventLog;
import io.agentd.daemon.bus.TestClock;
import io.agentd.daemon.bus.RuleEventPublisher;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.RpcServer;
import io.agentd.daemon.rpc.RpcServerOptions;
import io.agentd.daemon.rpc.methods.ApprovalRpcBindings;
import io.agentd.daemon.rpc.methods.RuleRpcBindings;
import io.agentd.daemon.session.RecordingSessionEvents;
import io.agentd.daemon.session.SessionTransitions;
import io.agentd.daemon.approval.ApprovalEvents;
import io.agentd.store.Database;
import io.agentd.store.event.EventRepository;
import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.testing.TempDatabaseExtension;
import io.agentd.testkit.daemon.LineClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Permission rules over a real Unix socket and a real SQLite file: createRule, then the approvals Claude's
 * MCP server would create are decided (or not) by them, with provenance; remember, explain, expiry, scopes,
 * and rules that survive a restart of the services.
 */
@ExtendWith(TempDatabaseExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RulesApiIT {
    private static final Path PROJECT = Path.of("/work/proj");

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T12:00:00Z"));
    private Database database;
    private Path dir;
    private RpcServer server;
    private LineClient client;

    @BeforeEach
    void setUp(Database database) throws IOException {
        this.database = database;
        session("s1", PROJECT.toString());
        session("s2", "/work/other");
        dir = Files.createTempDirectory(Path.of("/tmp"), "agentd-rules");
        start();
    }

    private void start() throws IOException {
        RecordingSessionEvents sessionEvents = new RecordingSessionEvents();
        EventLog log = new EventLog(database, new EventBus(clock, 64), clock);
        RuleService rules = new RuleService(database, new RuleEventPublisher(log), clock, Path.of("/home/u"));
        SessionTransitions transitions = new SessionTransitions(new SessionRepository(), sessionEvents, clock,
                new ApprovalExpiry(ApprovalEvents.NONE, clock));
        ApprovalService approvals = new ApprovalService(database, transitions,
                new BypassExpiry(new SessionRepository(), sessionEvents, clock), ApprovalEvents.NONE, clock, rules);
        MethodRegistry registry = new MethodRegistry();
        new ApprovalRpcBindings(approvals).register(registry);
        new RuleRpcBindings(rules).register(registry);
        server = RpcServer.start(dir.resolve("d.sock"), registry, RpcServerOptions.defaults());
        client = LineClient.connect(dir.resolve("d.sock"));
    }

    private void stop() throws IOException {
        client.close();
        server.close();
        Files.deleteIfExists(dir.resolve("d.sock"));
    }

    @AfterEach
    void tearDown() throws IOException {
        stop();
        Files.deleteIfExists(dir);
    }

    private void session(String id, String workingDir) {
        SessionRow row = new SessionRow(id, "run-" + id, "claude-" + id, null, SessionStatus.RUNNING, "q", "q", null,
                null, null, workingDir, LaunchConfig.empty(), clock.instant(), clock.instant(), null, null, null,
                PermissionSettings.none(), false, null, null);
        database.write(tx -> {
            new SessionRepository().insert(tx.connection(), row);
            return null;
        });
    }

    private static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private String rule(Object... kv) throws IOException {
        return client.result("createRule", params(kv)).path("rule").path("id").asString();
    }

    private JsonNode bash(String session, String command) throws IOException {
        String id = client.result("createApproval", params("run_id", session, "tool_name", "Bash",
                "tool_input", Map.of("command", command), "tool_use_id", "toolu_" + command.hashCode()))
                .path("approval_id").asString();
        return client.result("getApproval", params("approval_id", id)).path("approval");
    }

    @Test
    void anAllowRuleApprovesAndNamesItself() throws IOException {
        String id = rule("rule", "Bash(git status:*)", "decision", "allow", "scope", "global");
        JsonNode a = bash("s1", "git status --short");
        assertThat(a.path("status").asString()).isEqualTo("approved");
        assertThat(a.path("decided_by").asString()).isEqualTo("rule");
        assertThat(a.path("rule_id").asString()).isEqualTo(id);
        assertThat(client.result("fetchApprovals", params("session_id", "s1")).path("approvals").size()).isZero();
    }

    @Test
    void aDenyRuleDeniesWithItsCommentAndACompoundCommandAsksAPerson() throws IOException {
        rule("rule", "Bash(ls:*)", "decision", "allow");
        String deny = rule("rule", "Bash(rm -rf:*)", "decision", "deny", "comment", "never delete build trees");
        JsonNode denied = bash("s1", "rm -rf build");
        assertThat(denied.path("status").asString()).isEqualTo("denied");
        assertThat(denied.path("comment").asString()).isEqualTo("never delete build trees");
        assertThat(denied.path("rule_id").asString()).isEqualTo(deny);

        JsonNode compound = bash("s1", "ls; curl example.com");
        assertThat(compound.path("status").asString()).isEqualTo("pending");
        assertThat(compound.has("decided_by")).isFalse();
        JsonNode sneaky = bash("s1", "ls $(curl example.com)");
        assertThat(sneaky.path("status").asString()).isEqualTo("pending");
    }

    @Test
    void aProjectRuleDoesNotLeakIntoAnotherFolder() throws IOException {
        rule("rule", "Bash(make:*)", "decision", "allow", "scope", "project", "working_dir", PROJECT.toString());
        assertThat(bash("s1", "make test").path("status").asString()).isEqualTo("approved");
        assertThat(bash("s2", "make test").path("status").asString()).isEqualTo("pending");
    }

    @Test
    void anExpiredRuleNoLongerDecides() throws IOException {
        rule("rule", "Bash(make:*)", "decision", "allow", "expires_at", clock.instant().plusSeconds(60).toString());
        assertThat(bash("s1", "make a").path("status").asString()).isEqualTo("approved");
        clock.advance(Duration.ofSeconds(60));
        assertThat(bash("s1", "make b").path("status").asString()).isEqualTo("pending");
        JsonNode past = client.call("createRule", params("rule", "Bash", "decision", "allow",
                "expires_at", clock.instant().minusSeconds(1).toString()));
        assertThat(past.path("error").path("code").asInt()).isEqualTo(-32602);
    }

    @Test
    void approveAndRememberCreatesARuleThatDecidesTheNextCall() throws IOException {
        String first = bash("s1", "npm run build --prod").path("id").asString();
        JsonNode outcome = client.result("sendDecision", params("approval_id", first, "decision", "approve",
                "remember", Map.of("scope", "project")));
        assertThat(outcome.path("success").asBoolean()).isTrue();
        assertThat(outcome.path("rule").path("rule").asString()).isEqualTo("Bash(npm run:*)");
        assertThat(outcome.path("rule").path("working_dir").asString()).isEqualTo(PROJECT.toString());
        assertThat(outcome.path("rule").path("created_by").asString()).isEqualTo("remember:" + first);

        JsonNode next = bash("s1", "npm run lint");
        assertThat(next.path("status").asString()).isEqualTo("approved");
        assertThat(next.path("rule_id").asString()).isEqualTo(outcome.path("rule").path("id").asString());
        assertThat(bash("s2", "npm run lint").path("status").asString()).isEqualTo("pending");
    }

    @Test
    void aBadRememberedRuleRefusesTheWholeDecision() throws IOException {
        String id = bash("s1", "make").path("id").asString();
        JsonNode r = client.call("sendDecision", params("approval_id", id, "decision", "approve",
                "remember", Map.of("rule", "Bash(:*)")));
        assertThat(r.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(client.result("getApproval", params("approval_id", id)).path("approval").path("status").asString())
                .isEqualTo("pending");
    }

    @Test
    void explainSaysWhichRuleWouldDecideWithoutDeciding() throws IOException {
        String id = rule("rule", "Bash(git status:*)", "decision", "allow");
        JsonNode allowed = client.result("explainApproval", params("tool_name", "Bash",
                "input", Map.of("command", "git status"), "session_id", "s1"));
        assertThat(allowed.path("decision").asString()).isEqualTo("allow");
        assertThat(allowed.path("rule").path("id").asString()).isEqualTo(id);
        JsonNode none = client.result("explainApproval", params("tool_name", "Bash",
                "input", Map.of("command", "git status; rm -rf ~"), "session_id", "s1"));
        assertThat(none.has("decision")).isFalse();
        assertThat(none.path("reason").asString()).contains("rm -rf ~");
        assertThat(client.result("fetchApprovals", params("session_id", "s1")).path("approvals").size()).isZero();
    }

    @Test
    void rulesSurviveARestartAndChangesArePublished() throws IOException {
        String id = rule("rule", "Read(src/**)", "decision", "allow", "scope", "session", "session_id", "s1");
        stop();
        start();
        assertThat(client.result("listRules", null).path("rules").findValuesAsString("id")).containsExactly(id);
        assertThat(client.result("deleteRule", params("id", id)).path("rule").path("id").asString()).isEqualTo(id);
        assertThat(client.result("listRules", null).path("rules").size()).isZero();
        assertThat(client.call("deleteRule", params("id", id)).has("error")).isTrue();
        var types = database.read(c -> new EventRepository().after(c, 0, 100)).stream()
                .filter(e -> e.type().equals("rule_changed")).map(e -> e.dataJson()).toList();
        assertThat(types).hasSize(2);
        assertThat(types.get(0)).contains("\"change\":\"created\"");
        assertThat(types.get(1)).contains("\"change\":\"deleted\"");
    }

    @Test
    void badRulesAreRefusedClearly() throws IOException {
        assertThat(client.call("createRule", params("rule", "Bash(git", "decision", "allow"))
                .path("error").path("message").asString()).contains("does not end with ')'");
        assertThat(client.call("createRule", params("rule", "Bash", "decision", "maybe"))
                .path("error").path("message").asString()).contains("allow, deny, ask");
        assertThat(client.call("createRule", params("rule", "Bash", "decision", "allow", "scope", "project"))
                .path("error").path("message").asString()).contains("working_dir");
        assertThat(client.call("createRule", params("rule", "Bash", "decision", "allow", "scope", "session",
                "session_id", "nope")).has("error")).isTrue();
    }
}
