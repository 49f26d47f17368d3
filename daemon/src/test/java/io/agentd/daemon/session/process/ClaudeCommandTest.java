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
}
