package io.agentd.daemon.approval.rules;

import io.agentd.daemon.error.AgentdException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The precedence and matching rules of docs/approvals.md, case by case. */
class RuleEvaluatorTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Path PROJECT = Path.of("/work/proj");
    private static final Path HOME = Path.of("/home/u");
    private final RuleEvaluator evaluator = new RuleEvaluator(HOME);
    private int ids;

    /**
     * Each row: the rules (";"-separated "decision scope rule"), a Bash command run in /work/proj by
     * session s1, and the expected deciding rule number (1-based, 0 = no rule) and decision.
     */
    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '¦', quoteCharacter = '~', textBlock = """
            allow global Bash(git status:*)¦ git status¦ 1¦ allow
            allow global Bash(git status:*)¦ git status --short¦ 1¦ allow
            allow global Bash(git status:*)¦ git statusx¦ 0¦
            allow global Bash(git status:*)¦ git status; rm -rf ~¦ 0¦
            allow global Bash(git status:*)¦ git status && $(rm -rf ~)¦ 0¦
            allow global Bash(git status:*)¦ git status > /etc/passwd¦ 0¦
            allow global Bash(git status:*);allow global Bash(wc:*)¦ git status | wc -l¦ 1¦ allow
            allow global Bash(npm run test:*)¦ npm run test -- --watch¦ 1¦ allow
            allow global Bash(npm run test)¦ npm run test -- --watch¦ 0¦
            allow global Bash(npm run test)¦ npm   run  test¦ 1¦ allow
            allow global Bash(git * main)¦ git push origin main¦ 1¦ allow
            allow global Bash¦ rm -rf $(x)¦ 1¦ allow
            allow global Bash(git:*);deny global Bash(git push:*)¦ git push¦ 2¦ deny
            allow session Bash(rm:*);deny global Bash(rm:*)¦ rm x¦ 2¦ deny
            allow global Bash(ls:*);deny global Bash(rm:*)¦ ls; rm -rf build¦ 2¦ deny
            allow global Bash(ls:*);ask global Bash(rm:*)¦ ls && rm x¦ 2¦ ask
            ask global Bash(rm:*);deny global Bash(rm -rf:*)¦ rm -rf x¦ 2¦ deny
            ask global Bash;allow session Bash(ls:*)¦ ls¦ 1¦ ask
            allow global Bash(ls:*);allow session Bash(ls:*)¦ ls¦ 2¦ allow
            allow project:/work Bash(ls:*);allow project:/work/proj Bash(ls:*)¦ ls¦ 2¦ allow
            allow project:/work/other Bash(ls:*)¦ ls¦ 0¦
            allow project:/work/pro Bash(ls:*)¦ ls¦ 0¦
            allow session:s2 Bash(ls:*)¦ ls¦ 0¦
            deny global Bash(rm:*)¦ echo hi¦ 0¦
            """)
    void decidesBashCommands(String rules, String command, int expectedRule, String expectedDecision) {
        List<PermissionRule> list = rules(rules);
        RuleVerdict v = evaluator.evaluate(list, bash(command), NOW);
        if (expectedRule == 0) {
            assertThat(v.decision()).as(v.reason()).isEmpty();
        } else {
            assertThat(v.rule()).as(v.reason()).contains(list.get(expectedRule - 1));
            assertThat(v.decision()).contains(RuleDecision.fromWire(expectedDecision));
        }
        assertThat(v.reason()).isNotBlank();
    }

    @ParameterizedTest(name = "[{0}] {1} {2}")
    @CsvSource(delimiter = '¦', textBlock = """
            allow global Edit(src/**)¦ Edit¦ /work/proj/src/a.java¦ 1¦ allow
            allow global Edit(src/**)¦ Write¦ src/new.txt¦ 1¦ allow
            allow global Edit(src/**)¦ MultiEdit¦ /work/proj/src/a.java¦ 1¦ allow
            allow global Edit(src/**)¦ Edit¦ src/../../etc/passwd¦ 0¦
            allow global Edit(src/**)¦ Edit¦ /work/proj/test/a.java¦ 0¦
            allow global Write(src/**)¦ Edit¦ /work/proj/src/a.java¦ 0¦
            allow project:/work/proj/sub Edit(/src/**)¦ Edit¦ /work/proj/sub/src/a¦ 0¦
            deny global Read(~/.ssh/**)¦ Read¦ /home/u/.ssh/id_rsa¦ 1¦ deny
            deny global Read(~/.ssh/**)¦ Grep¦ /home/u/.ssh¦ 1¦ deny
            allow global Read;deny global Read(~/.ssh/**)¦ Read¦ /home/u/.ssh/id_rsa¦ 2¦ deny
            allow global Read¦ Read¦ /anything¦ 1¦ allow
            """)
    void decidesFileTools(String rules, String tool, String path, int expectedRule, String expectedDecision) {
        List<PermissionRule> list = rules(rules);
        ObjectNode input = JSON.createObjectNode();
        input.put(tool.equals("Grep") ? "path" : "file_path", path);
        RuleVerdict v = evaluator.evaluate(list, new ToolCall("s1", PROJECT, tool, input), NOW);
        if (expectedRule == 0) {
            assertThat(v.decision()).as(v.reason()).isEmpty();
        } else {
            assertThat(v.rule()).as(v.reason()).contains(list.get(expectedRule - 1));
            assertThat(v.decision()).contains(RuleDecision.fromWire(expectedDecision));
        }
    }

    @Test
    void aProjectRuleIsAnchoredAtItsProjectNotAtTheSession() {
        List<PermissionRule> list = rules("allow project:/work/proj Edit(/src/**)");
        ToolCall deeper = new ToolCall("s1", PROJECT.resolve("sub"), "Edit",
                JSON.createObjectNode().put("file_path", "/work/proj/src/a.java"));
        assertThat(evaluator.evaluate(list, deeper, NOW).rule()).contains(list.getFirst());
    }

    @Test
    void anAllowRuleDoesNotFollowASymbolicLinkOutOfItsFolder(@TempDir Path dir) throws IOException {
        Path project = dir.resolve("proj");
        Files.createDirectories(project.resolve("src"));
        Path outside = Files.createDirectories(dir.resolve("secret"));
        Files.createSymbolicLink(project.resolve("src/link"), outside);
        PermissionRule allow = rule(RuleDecision.ALLOW, new RuleScope.Global(), "Edit(src/**)", Optional.empty());
        ToolCall viaLink = new ToolCall("s1", project, "Write",
                JSON.createObjectNode().put("file_path", project.resolve("src/link/x.txt").toString()));
        ToolCall plain = new ToolCall("s1", project, "Write",
                JSON.createObjectNode().put("file_path", project.resolve("src/x.txt").toString()));

        assertThat(evaluator.evaluate(List.of(allow), viaLink, NOW).decision()).isEmpty();
        assertThat(evaluator.evaluate(List.of(allow), plain, NOW).decision()).contains(RuleDecision.ALLOW);
    }

    @Test
    void aDenyRuleMatchesThroughASymbolicLink(@TempDir Path dir) throws IOException {
        Path secret = Files.createDirectories(dir.resolve("secret"));
        Files.createSymbolicLink(dir.resolve("innocent"), secret);
        PermissionRule deny = rule(RuleDecision.DENY, new RuleScope.Global(), "Read(/" + secret + "/**)", Optional.empty());
        ToolCall call = new ToolCall("s1", dir, "Read", JSON.createObjectNode().put("file_path", "innocent/key"));
        assertThat(evaluator.evaluate(List.of(deny), call, NOW).decision()).contains(RuleDecision.DENY);
    }

    @Test
    void webFetchMatchesTheDomainAndItsSubdomainsOnly() {
        List<PermissionRule> list = rules("allow global WebFetch(domain:example.com)");
        assertThat(fetch(list, "https://example.com/a")).contains(RuleDecision.ALLOW);
        assertThat(fetch(list, "https://docs.example.com/a")).contains(RuleDecision.ALLOW);
        assertThat(fetch(list, "https://example.com.evil.net/a")).isEmpty();
        assertThat(fetch(list, "https://notexample.com/")).isEmpty();
        assertThat(fetch(list, "not a url")).isEmpty();
    }

    @Test
    void toolGlobsCoverMcpTools() {
        List<PermissionRule> list = rules("allow global mcp__github__*");
        ToolCall call = new ToolCall("s1", PROJECT, "mcp__github__create_issue", JSON.createObjectNode());
        ToolCall other = new ToolCall("s1", PROJECT, "mcp__gitlab__create_issue", JSON.createObjectNode());
        assertThat(evaluator.evaluate(list, call, NOW).decision()).contains(RuleDecision.ALLOW);
        assertThat(evaluator.evaluate(list, other, NOW).decision()).isEmpty();
    }

    @Test
    void anExpiredRuleNoLongerApplies() {
        PermissionRule past = rule(RuleDecision.ALLOW, new RuleScope.Global(), "Bash(ls:*)", Optional.of(NOW));
        PermissionRule future = rule(RuleDecision.ALLOW, new RuleScope.Global(), "Bash(ls:*)",
                Optional.of(NOW.plusMillis(1)));
        assertThat(evaluator.evaluate(List.of(past), bash("ls"), NOW).decision()).isEmpty();
        assertThat(evaluator.evaluate(List.of(past, future), bash("ls"), NOW).rule()).contains(future);
    }

    @Test
    void amongEqualRulesTheNewestWinsWhateverTheOrderTheyCameIn() {
        PermissionRule older = rule(RuleDecision.DENY, new RuleScope.Global(), "Bash(rm:*)", Optional.empty());
        PermissionRule newer = new PermissionRule("z-newer", older.spec(), RuleDecision.DENY, older.scope(),
                Optional.empty(), Optional.empty(), "human", NOW.plusSeconds(1));
        assertThat(evaluator.evaluate(List.of(older, newer), bash("rm x"), NOW).rule()).contains(newer);
        assertThat(evaluator.evaluate(List.of(newer, older), bash("rm x"), NOW).rule()).contains(newer);
    }

    @Test
    void malformedRulesAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> RuleSpec.parse("Bash(git status")).isInstanceOf(AgentdException.class)
                .hasMessageContaining("does not end with ')'");
        assertThatThrownBy(() -> RuleSpec.parse("(x)")).hasMessageContaining("tool name");
        assertThatThrownBy(() -> RuleSpec.parse("mcp__x__y(foo)")).hasMessageContaining("takes no specifier");
        assertThatThrownBy(() -> RuleSpec.parse("WebFetch(example.com)")).hasMessageContaining("domain:");
        assertThatThrownBy(() -> RuleSpec.parse(" ")).hasMessageContaining("rule is required");
        assertThat(RuleSpec.parse("Bash(*)").specifier()).isEmpty();
    }

    private Optional<RuleDecision> fetch(List<PermissionRule> rules, String url) {
        return evaluator.evaluate(rules, new ToolCall("s1", PROJECT, "WebFetch",
                JSON.createObjectNode().put("url", url)), NOW).decision();
    }

    private static ToolCall bash(String command) {
        return new ToolCall("s1", PROJECT, "Bash", JSON.createObjectNode().put("command", command));
    }

    /** "allow global Bash(ls:*);deny session Bash" with scopes global, session[:id], project:/dir. */
    private List<PermissionRule> rules(String spec) {
        List<PermissionRule> list = new ArrayList<>();
        for (String one : spec.split(";")) {
            String[] f = one.strip().split(" ", 3);
            RuleScope scope = switch (f[1].replaceAll(":.*", "")) {
                case "global" -> new RuleScope.Global();
                case "session" -> new RuleScope.Session(f[1].contains(":") ? f[1].substring(8) : "s1");
                case "project" -> new RuleScope.Project(Path.of(f[1].substring(8)));
                default -> throw new IllegalArgumentException(f[1]);
            };
            list.add(rule(RuleDecision.fromWire(f[0]), scope, f[2], Optional.empty()));
        }
        return list;
    }

    private PermissionRule rule(RuleDecision decision, RuleScope scope, String text, Optional<Instant> expiresAt) {
        // Later rules are older, so that precedence by age never hides the rule a row expects.
        ids++;
        return new PermissionRule("r" + ids, RuleSpec.parse(text), decision, scope, Optional.empty(), expiresAt,
                "human", NOW.minusSeconds(ids));
    }
}
