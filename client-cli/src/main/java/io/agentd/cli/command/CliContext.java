package io.agentd.cli.command;

import static java.util.Objects.requireNonNull;

import io.agentd.cli.client.SocketPathResolver;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * What the commands take from the process they run in. Kept explicit so tests can run commands
 * in-process with a fixed clock, cwd and environment.
 *
 * @param sockets resolves {@code --socket} / env / default
 * @param cwd the caller's working directory, the default {@code launch --dir}
 * @param clock for ages
 * @param zone for wall-clock times
 * @param color whether the terminal takes ANSI styles
 * @param width the terminal width tables fit into
 * @param pollInterval how often {@code launch --wait} asks for the session state
 * @param callTimeout per-call timeout of the daemon client
 */
public record CliContext(
        SocketPathResolver sockets,
        Path cwd,
        Clock clock,
        ZoneId zone,
        boolean color,
        int width,
        Duration pollInterval,
        Duration callTimeout) {

    public CliContext {
        requireNonNull(sockets, "sockets is null");
        requireNonNull(cwd, "cwd is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(zone, "zone is null");
        requireNonNull(pollInterval, "pollInterval is null");
        requireNonNull(callTimeout, "callTimeout is null");
        if (!cwd.isAbsolute()) {
            throw new IllegalArgumentException("cwd must be absolute: " + cwd);
        }
        if (width < 20) {
            throw new IllegalArgumentException("width too small: " + width);
        }
    }
}
