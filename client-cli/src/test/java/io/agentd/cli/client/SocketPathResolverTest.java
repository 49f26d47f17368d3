package io.agentd.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SocketPathResolverTest {
    private static final Path HOME = Path.of("/home/ada");

    @Test
    void flagWinsOverEnvironment() {
        var resolver = new SocketPathResolver(Map.of("HUMANLAYER_DAEMON_SOCKET", "/run/env.sock"), HOME);
        assertThat(resolver.resolve(Optional.of("/run/flag.sock"))).isEqualTo(Path.of("/run/flag.sock"));
    }

    @Test
    void environmentWinsOverDefault() {
        var resolver = new SocketPathResolver(Map.of("HUMANLAYER_DAEMON_SOCKET", "/run/env.sock"), HOME);
        assertThat(resolver.resolve(Optional.empty())).isEqualTo(Path.of("/run/env.sock"));
    }

    @Test
    void defaultIsUnderHome() {
        var resolver = new SocketPathResolver(Map.of(), HOME);
        assertThat(resolver.resolve(Optional.empty())).isEqualTo(Path.of("/home/ada/.humanlayer/daemon.sock"));
    }

    @Test
    void expandsTildeFromFlagAndEnvironmentButIgnoresBlankValues() {
        var resolver = new SocketPathResolver(Map.of("HUMANLAYER_DAEMON_SOCKET", "~/env.sock"), HOME);
        assertThat(resolver.resolve(Optional.of("~/flag.sock"))).isEqualTo(Path.of("/home/ada/flag.sock"));
        assertThat(resolver.resolve(Optional.of(" "))).isEqualTo(Path.of("/home/ada/env.sock"));
        var blankEnv = new SocketPathResolver(Map.of("HUMANLAYER_DAEMON_SOCKET", ""), HOME);
        assertThat(blankEnv.resolve(Optional.empty())).isEqualTo(Path.of("/home/ada/.humanlayer/daemon.sock"));
    }
}
