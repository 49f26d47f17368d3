package io.agentd.daemon.approval.rules;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The index finds exactly the rules a linear scan would, so it changes speed and nothing else. */
class RuleIndexTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void givesTheSameVerdictsAsALinearScan() {
        Random random = new Random(42);
        String[] tools = {"Bash(git status:*)", "Bash(rm:*)", "Bash", "Edit(src/**)", "Read", "mcp__github__*",
                "Write(//tmp/**)", "Bash(ls:*)"};
        String[] scopes = {"global", "project:/work", "project:/work/proj", "project:/other", "session:s1", "session:s2"};
        List<PermissionRule> rules = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String s = scopes[random.nextInt(scopes.length)];
            RuleScope scope = s.equals("global") ? RuleScope.global()
                    : s.startsWith("project:") ? new RuleScope.Project(Path.of(s.substring(8)))
                    : new RuleScope.Session(s.substring(8));
            rules.add(new PermissionRule("r" + i, RuleSpec.parse(tools[random.nextInt(tools.length)]),
                    RuleDecision.values()[random.nextInt(3)], scope, Optional.empty(),
                    random.nextInt(5) == 0 ? Optional.of(NOW.minusSeconds(1)) : Optional.empty(), "human",
                    NOW.minusSeconds(random.nextInt(1000))));
        }
        RuleIndex index = RuleIndex.of(rules);
        RuleEvaluator evaluator = new RuleEvaluator(Path.of("/home/u"));
        List<ToolCall> calls = List.of(
                new ToolCall("s1", Path.of("/work/proj"), "Bash", JSON.createObjectNode().put("command", "git status")),
                new ToolCall("s2", Path.of("/work/proj/sub"), "Bash", JSON.createObjectNode().put("command", "ls; rm x")),
                new ToolCall("s3", Path.of("/other"), "Write", JSON.createObjectNode().put("file_path", "src/a")),
                new ToolCall("s1", Path.of("/elsewhere"), "Grep", JSON.createObjectNode().put("path", "/x")),
                new ToolCall("s2", Path.of("/work"), "mcp__github__create_issue", JSON.createObjectNode()));
        for (ToolCall call : calls) {
            assertThat(evaluator.evaluate(index, call, NOW)).isEqualTo(evaluator.evaluate(rules, call, NOW));
        }
    }
}
