package io.agentd.daemon.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentdCommandHttpTest {
    private static DaemonConfig resolve(Map<String, String> env, String... args) {
        AgentdCommand command = new AgentdCommand();
        new CommandLine(command).parseArgs(args);
        return command.resolve(env, Path.of("/home/me"));
    }

    @Test
    void defaultsAreHldsAndFlagsWinOverTheEnvironment() {
        assertThat(resolve(Map.of()).http().host()).isEqualTo("127.0.0.1");
        assertThat(resolve(Map.of()).http().port()).isEqualTo(7777);
        assertThat(resolve(Map.of()).http().enabled()).isTrue();
        Map<String, String> env = Map.of("HUMANLAYER_DAEMON_HTTP_HOST", "::1", "HUMANLAYER_DAEMON_HTTP_PORT", "8000",
                "AGENTD_HTTP_ORIGINS", "http://localhost:5173");
        assertThat(resolve(env).http().host()).isEqualTo("::1");
        assertThat(resolve(env).http().port()).isEqualTo(8000);
        assertThat(resolve(env).http().extraOrigins()).containsExactly("http://localhost:5173");
        DaemonConfig flags = resolve(env, "--http-host", "127.0.0.2", "--http-port", "0", "--http-origins",
                "http://a.example, http://b.example:81");
        assertThat(flags.http().host()).isEqualTo("127.0.0.2");
        assertThat(flags.http().port()).isZero();
        assertThat(flags.http().extraOrigins()).containsExactly("http://a.example", "http://b.example:81");
        assertThat(resolve(env, "--no-http").http().enabled()).isFalse();
    }

    @Test
    void badValuesAreClearErrors() {
        assertThatThrownBy(() -> resolve(Map.of("HUMANLAYER_DAEMON_HTTP_PORT", "web"))).hasMessageContaining("invalid HTTP port");
        assertThatThrownBy(() -> resolve(Map.of(), "--http-port", "70000")).hasMessageContaining("65535");
        assertThatThrownBy(() -> resolve(Map.of(), "--http-origins", "*")).hasMessageContaining("any web page");
    }
}
