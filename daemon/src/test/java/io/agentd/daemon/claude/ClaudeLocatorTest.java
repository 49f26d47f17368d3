package io.agentd.daemon.claude;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClaudeLocatorTest {
    @Test
    void theVersionIsTheNumberWithoutTheProductName() {
        assertThat(ClaudeLocator.versionNumber("2.1.328 (Claude Code)")).isEqualTo("2.1.328");
        assertThat(ClaudeLocator.versionNumber("1.0.0")).isEqualTo("1.0.0");
        assertThat(ClaudeLocator.versionNumber("3.0.0-beta (something else)")).isEqualTo("3.0.0-beta (something else)");
    }
}
