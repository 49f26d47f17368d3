package io.agentd.daemon.session.process;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClaudeCommandTest {
    @Test
    void everyOptionInHldsOrderWithTheQueryLastAfterDoubleDash() {
        List<String> argv = ClaudeCommand.argv(new ClaudeInvocation(Path.of("/bin/claude"), "--help me; rm -rf /",
                "parent-claude-id", "sonnet", Path.of("/spool/mcp.json"), "mcp__codelayer__request_permission", 7,
                "be brief", "and kind", List.of("Read", "Bash(ls:*)"), List.of("Write"), List.of("/a", "/b")));
        assertThat(argv).containsExactly("/bin/claude", "--resume", "parent-claude-id", "--fork-session",
                "--model", "sonnet", "--output-format", "stream-json", "--verbose",
                "--mcp-config", "/spool/mcp.json", "--permission-prompt-tool", "mcp__codelayer__request_permission",
                "--max-turns", "7", "--system-prompt", "be brief", "--append-system-prompt", "and kind",
                "--allowedTools", "Read,Bash(ls:*)", "--disallowedTools", "Write", "--add-dir", "/a", "--add-dir", "/b",
                "--print", "--", "--help me; rm -rf /");
    }

    @Test
    void absentOptionsAreLeftOff() {
        List<String> argv = ClaudeCommand.argv(new ClaudeInvocation(Path.of("claude"), "hi", null, " ", null, null, 0,
                null, "", null, null, null));
        assertThat(argv).containsExactly("claude", "--output-format", "stream-json", "--verbose", "--print", "--", "hi");
    }

    @Test
    void valuesOverTheArgvLimitGoThroughSpoolFilesAndSmallOnesStayInline() {
        SpoolPaths spool = new SpoolPaths(Path.of("/spool/s1"));
        String query = "q".repeat(1024 * 1024);
        String system = "s".repeat(256 * 1024);
        ClaudeCommand.Plan plan = ClaudeCommand.plan(new ClaudeInvocation(Path.of("claude"), query, null, null, null,
                null, null, system, "short", null, null, null), spool);
        assertThat(plan.argv()).endsWith("--append-system-prompt", "short", "--print");
        assertThat(plan.argv()).containsSequence("--system-prompt-file", spool.systemPrompt().toString());
        assertThat(plan.argv()).allMatch(a -> a.length() <= ClaudeCommand.INLINE_BYTES);
        assertThat(plan.files()).containsOnly(java.util.Map.entry(spool.query(), query),
                java.util.Map.entry(spool.systemPrompt(), system));

        ClaudeCommand.Plan small = ClaudeCommand.plan(new ClaudeInvocation(Path.of("claude"), "hi", null, null, null,
                null, null, null, null, null, null, null), spool);
        assertThat(small.argv()).endsWith("--print", "--", "hi");
        assertThat(small.files()).isEmpty();
    }
}
