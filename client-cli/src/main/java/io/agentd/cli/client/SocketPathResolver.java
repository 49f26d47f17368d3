package io.agentd.cli.client;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which socket to talk to: the {@code --socket} flag, else {@code HUMANLAYER_DAEMON_SOCKET},
 * else {@code ~/.humanlayer/daemon.sock}; the same order hld's own CLI uses. A leading {@code ~} is
 * expanded in every source because shells do not expand it inside quotes or env values.
 */
public final class SocketPathResolver {
    /** The environment variable hld and its clients read. */
    public static final String SOCKET_ENV = "HUMANLAYER_DAEMON_SOCKET";

    private final Map<String, String> env;
    private final Path home;

    public SocketPathResolver(Map<String, String> env, Path home) {
        this.env = Map.copyOf(requireNonNull(env, "env is null"));
        this.home = requireNonNull(home, "home is null");
    }

    /** Resolves the socket path from an optional flag value. */
    public Path resolve(Optional<String> flag) {
        requireNonNull(flag, "flag is null");
        String raw = flag.filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(env.get(SOCKET_ENV)).filter(s -> !s.isBlank()))
                .orElse("~/.humanlayer/daemon.sock");
        return expandHome(raw);
    }

    private Path expandHome(String raw) {
        if (raw.equals("~")) {
            return home;
        }
        if (raw.startsWith("~/")) {
            return home.resolve(raw.substring(2));
        }
        return Path.of(raw);
    }
}
