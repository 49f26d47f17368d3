package io.agentd.bench;

import io.agentd.daemon.approval.rules.PermissionRule;
import io.agentd.daemon.approval.rules.RuleDecision;
import io.agentd.daemon.approval.rules.RuleEvaluator;
import io.agentd.daemon.approval.rules.RuleIndex;
import io.agentd.daemon.approval.rules.RuleScope;
import io.agentd.daemon.approval.rules.RuleSpec;
import io.agentd.daemon.approval.rules.ToolCall;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Permission-rule evaluation with 10,000 rules (spread over 500 sessions, 200 projects and global; Bash,
 * file, MCP and glob tool rules), as the daemon runs it for each new approval: the indexed evaluator, against
 * the same evaluator scanning every rule as the baseline. Calls are Bash lines (some compound), edits and MCP
 * tools, in sessions and projects that do hold rules.
 */
final class RuleBench {
    private static final int RULES = 10_000;
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private RuleBench() {
    }

    static List<Row> run(Bench.Settings s) {
        Random random = new Random(7);
        List<PermissionRule> rules = rules(random);
        RuleIndex index = RuleIndex.of(rules);
        List<ToolCall> calls = calls(random);
        RuleEvaluator evaluator = new RuleEvaluator(Path.of("/home/u"));
        int rounds = s.quick() ? 20_000 : 100_000;
        long[] indexed = measure(rounds, calls, c -> evaluator.evaluate(index, c, NOW));
        long[] linear = measure(Math.max(2_000, rounds / 20), calls, c -> evaluator.evaluate(rules, c, NOW));
        return List.of(
                Row.cost("rule evaluation p50, 10,000 rules", indexed[0] / 1000.0, linear[0] / 1000.0, "µs", 0,
                        "the same evaluator scanning all rules"),
                Row.cost("rule evaluation p99, 10,000 rules", indexed[1] / 1000.0, linear[1] / 1000.0, "µs", 50,
                        "same"));
    }

    private interface Evaluation {
        Object apply(ToolCall call);
    }

    /** {p50, p99} in nanoseconds, after a warm-up of the same length. */
    private static long[] measure(int rounds, List<ToolCall> calls, Evaluation e) {
        Object sink = null;
        for (int i = 0; i < rounds; i++) {
            sink = e.apply(calls.get(i % calls.size()));
        }
        long[] samples = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            ToolCall call = calls.get(i % calls.size());
            long t0 = System.nanoTime();
            sink = e.apply(call);
            samples[i] = System.nanoTime() - t0;
        }
        if (sink == null) {
            throw new IllegalStateException("no verdict");
        }
        Arrays.sort(samples);
        return new long[] {samples[rounds / 2], samples[(int) Math.ceil(rounds * 0.99) - 1]};
    }

    private static List<PermissionRule> rules(Random random) {
        String[] commands = {"git status", "git push", "npm run test", "make", "ls", "cat", "rm -rf", "curl", "docker",
                "cargo build"};
        List<PermissionRule> out = new ArrayList<>(RULES);
        for (int i = 0; i < RULES; i++) {
            int kind = random.nextInt(10);
            String spec = switch (kind) {
                case 0, 1, 2, 3, 4 -> "Bash(" + commands[random.nextInt(commands.length)] + " " + i + ":*)";
                case 5 -> "Bash(" + commands[random.nextInt(commands.length)] + ":*)";
                case 6, 7 -> "Edit(src/m" + i + "/**)";
                case 8 -> "mcp__server" + i + "__*";
                default -> "Read(docs/" + i + "/**)";
            };
            int where = random.nextInt(10);
            RuleScope scope = where < 6 ? new RuleScope.Session("s" + random.nextInt(500))
                    : where < 9 ? new RuleScope.Project(Path.of("/p/" + random.nextInt(200)))
                    : RuleScope.global();
            out.add(new PermissionRule("r" + i, RuleSpec.parse(spec), RuleDecision.values()[random.nextInt(3)], scope,
                    Optional.empty(), random.nextInt(20) == 0 ? Optional.of(NOW.minusSeconds(5)) : Optional.empty(),
                    "human", NOW.minusSeconds(random.nextInt(100_000))));
        }
        return out;
    }

    private static List<ToolCall> calls(Random random) {
        JsonMapper json = JsonMapper.builder().build();
        List<ToolCall> out = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String session = "s" + random.nextInt(500);
            Path dir = Path.of("/p/" + random.nextInt(200), "sub");
            out.add(switch (i % 4) {
                case 0 -> new ToolCall(session, dir, "Bash", json.createObjectNode().put("command", "git status"));
                case 1 -> new ToolCall(session, dir, "Bash",
                        json.createObjectNode().put("command", "npm run test -- --watch && ls -la | wc -l"));
                case 2 -> new ToolCall(session, dir, "Edit",
                        json.createObjectNode().put("file_path", "src/m" + random.nextInt(RULES) + "/A.java"));
                default -> new ToolCall(session, dir, "mcp__server" + random.nextInt(RULES) + "__create",
                        json.createObjectNode());
            });
        }
        return out;
    }
}
