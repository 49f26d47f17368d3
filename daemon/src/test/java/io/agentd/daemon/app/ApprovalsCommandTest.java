package io.agentd.daemon.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalsCommandTest {
    private static final Path JAVA_HOME = Path.of("/opt/jdk");

    @Test
    void theDefaultIsTheCliJarBuiltBesideTheDaemonJar(@TempDir Path root) throws IOException {
        Path daemonJar = Files.createDirectories(root.resolve("daemon/target")).resolve("agentd-daemon.jar");
        Path cli = Files.createFile(Files.createDirectories(root.resolve("client-cli/target")).resolve("agentd-cli.jar"));

        ApprovalsCommand c = ApprovalsCommand.resolve(null, Map.of(), daemonJar, JAVA_HOME);

        assertThat(c.command()).containsExactly("/opt/jdk/bin/java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                cli.toString(), "mcp", "claude_approvals");
    }

    @Test
    void withoutTheCliJarTheDefaultStillNamesIt(@TempDir Path root) {
        // The start-up check then reports the missing jar, rather than sessions silently running ungated.
        ApprovalsCommand c = ApprovalsCommand.resolve(null, Map.of(), root.resolve("daemon/target/classes"), JAVA_HOME);

        assertThat(c.command()).contains("-jar", root.resolve("client-cli/target/agentd-cli.jar").toString());
    }

    @Test
    void anExplicitValueWinsAndAnEmptyOneTurnsInjectionOff(@TempDir Path root) {
        Path jar = root.resolve("daemon/target/agentd-daemon.jar");
        assertThat(ApprovalsCommand.resolve("humanlayer  mcp claude_approvals", Map.of(), jar, JAVA_HOME).command())
                .containsExactly("humanlayer", "mcp", "claude_approvals");
        assertThat(ApprovalsCommand.resolve("", Map.of(), jar, JAVA_HOME))
                .isEqualTo(new ApprovalsCommand(List.of()));
        assertThat(ApprovalsCommand.resolve(null, Map.of("AGENTD_APPROVALS_COMMAND", ""), jar, JAVA_HOME))
                .isEqualTo(new ApprovalsCommand(List.of()));
        assertThat(ApprovalsCommand.resolve(null, Map.of("AGENTD_APPROVALS_COMMAND", "srv a"), jar, JAVA_HOME).command())
                .containsExactly("srv", "a");
        assertThat(ApprovalsCommand.resolve("flag", Map.of("AGENTD_APPROVALS_COMMAND", "env"), jar, JAVA_HOME).command())
                .containsExactly("flag");
    }
}
