package io.agentd.daemon.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentdCommandTest {
    private static DaemonConfig resolve(Map<String, String> env, String... args) {
        AgentdCommand command = new AgentdCommand();
        new CommandLine(command).parseArgs(args);
        return command.resolve(env, Path.of("/home/me"));
    }

    @Test
    void sessionIdleTimeoutComesFromTheFlagThenTheEnvironmentThenDefaultsToThirtyMinutes() {
        assertThat(resolve(Map.of()).sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(resolve(Map.of("AGENTD_SESSION_IDLE_TIMEOUT", "2h")).sessionIdleTimeout()).isEqualTo(Duration.ofHours(2));
        assertThat(resolve(Map.of("AGENTD_SESSION_IDLE_TIMEOUT", "2h"), "--session-idle-timeout", "90s").sessionIdleTimeout())
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(resolve(Map.of(), "--session-idle-timeout", "0").sessionIdleTimeout()).isZero();
    }

    @Test
    void aNegativeOrUnreadableIdleTimeoutIsRefused() {
        assertThatThrownBy(() -> resolve(Map.of(), "--session-idle-timeout", "-5s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idle timeout");
        assertThatThrownBy(() -> resolve(Map.of("AGENTD_SESSION_IDLE_TIMEOUT", "soon")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid duration 'soon'");
    }

    @Test
    void theStoreFaultSeamIsOffUnlessAsked() {
        assertThat(resolve(Map.of()).storeFaultFile()).isNull();
        assertThat(resolve(Map.of(), "--store-fault-file", "/tmp/f").storeFaultFile()).isEqualTo(Path.of("/tmp/f"));
    }
}
