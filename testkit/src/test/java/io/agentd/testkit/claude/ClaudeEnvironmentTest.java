package io.agentd.testkit.claude;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeEnvironmentTest {
    @TempDir
    Path home;

    @Test
    void variablesPointTheCliAtTheFakeApiOffline() {
        Map<String, String> env = new ClaudeEnvironment("http://127.0.0.1:1234", home).variables();

        assertThat(env).containsEntry("HOME", home.toString())
                .containsEntry("ANTHROPIC_BASE_URL", "http://127.0.0.1:1234")
                .containsEntry("ANTHROPIC_API_KEY", ClaudeEnvironment.API_KEY)
                .containsEntry("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1")
                .containsEntry("DISABLE_AUTOUPDATER", "1")
                .containsEntry("CLAUDE_CODE_MAX_RETRIES", "0")
                .containsEntry("IS_SANDBOX", "1");
    }

    @Test
    void applyToDropsInheritedAnthropicAndClaudeVariables() {
        ProcessBuilder builder = new ProcessBuilder("true");
        builder.environment().put("ANTHROPIC_AUTH_TOKEN", "real-secret");
        builder.environment().put("CLAUDE_CONFIG_DIR", "/somewhere/else");
        builder.environment().put("KEEP_ME", "yes");

        new ClaudeEnvironment("http://127.0.0.1:1", home).applyTo(builder);

        assertThat(builder.environment()).doesNotContainKeys("ANTHROPIC_AUTH_TOKEN", "CLAUDE_CONFIG_DIR")
                .containsEntry("KEEP_ME", "yes")
                .containsEntry("HOME", home.toString());
    }

    @Test
    void freshHomeIsANewDirectory() throws Exception {
        ClaudeEnvironment env = ClaudeEnvironment.withFreshHome("http://127.0.0.1:1");
        try {
            assertThat(env.home()).isEmptyDirectory();
            assertThat(env.projectsDir()).isEqualTo(env.home().resolve(".claude/projects"));
        } finally {
            Files.delete(env.home());
        }
    }
}
