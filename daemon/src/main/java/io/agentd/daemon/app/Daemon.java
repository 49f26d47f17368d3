package io.agentd.daemon.app;

import io.agentd.daemon.claude.ClaudeLocator;
import io.agentd.daemon.health.HealthService;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.RpcServer;
import io.agentd.daemon.rpc.RpcServerOptions;
import io.agentd.store.Database;
import io.agentd.store.DatabaseOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Wires the daemon's parts together and owns their lifecycle: store first, then the components that
 * use it, the socket last (so nothing is served before it can be answered); shutdown in reverse.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Daemon.class);

    private final Database database;
    private final RpcServer server;

    private Daemon(Database database, RpcServer server) {
        this.database = database;
        this.server = server;
    }

    /**
     * Opens the store and starts serving.
     *
     * @throws io.agentd.store.DatabaseRefusedException when the database file is not agentd's
     * @throws io.agentd.daemon.rpc.DaemonAlreadyRunningException when a daemon answers on the socket
     */
    public static Daemon start(DaemonConfig config, Map<String, String> env, Path home) throws IOException {
        Clock clock = Clock.systemUTC();
        Instant startedAt = clock.instant();
        RpcServer.refuseIfRunning(config.socketPath());
        Database database = Database.open(DatabaseOptions.defaults(config.databasePath()));
        try {
            ClaudeLocator claude = new ClaudeLocator(config.claudePath(), env, home);
            // `claude --version` can take a while; health reports "still looking" until it is done.
            Thread.ofVirtual().name("claude-lookup").start(claude::refresh);
            MethodRegistry registry = new MethodRegistry();
            new HealthService(config.version(), startedAt, clock, claude, () -> 0).register(registry);
            RpcServer server = RpcServer.start(config.socketPath(), registry, RpcServerOptions.defaults());
            return new Daemon(database, server);
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Path socketPath() {
        return server.socketPath();
    }

    /** Stops accepting, finishes in-flight requests, closes the store and removes the socket. */
    @Override
    public void close() {
        log.info("shutting down");
        server.close();
        database.close();
        log.info("stopped");
    }
}
