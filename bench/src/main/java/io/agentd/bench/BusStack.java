package io.agentd.bench;

import io.agentd.daemon.bus.BusEvent;
import io.agentd.daemon.bus.EventBus;
import io.agentd.daemon.bus.EventLog;
import io.agentd.daemon.bus.SubscribeHandler;
import io.agentd.daemon.bus.Subscriptions;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.RpcServer;
import io.agentd.daemon.rpc.RpcServerOptions;
import io.agentd.store.Database;
import io.agentd.store.DatabaseOptions;
import io.agentd.store.session.SessionStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The daemon's event path, in process and nothing else: a fresh database in a temporary folder, the event
 * log and bus, and {@code Subscribe} on an RPC server on a Unix socket, exactly as the daemon wires them.
 */
final class BusStack implements AutoCloseable {
    /** The daemon's per-subscriber buffer. */
    static final int SUBSCRIBER_BUFFER = 1024;

    private final Path dir;
    private final Database database;
    private final EventLog eventLog;
    private final RpcServer server;

    private BusStack(Path dir, Database database, EventLog eventLog, RpcServer server) {
        this.dir = dir;
        this.database = database;
        this.eventLog = eventLog;
        this.server = server;
    }

    static BusStack start() throws IOException {
        // Under /tmp: a Unix socket path must stay short.
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "agentd-bench");
        Clock clock = Clock.systemUTC();
        Database database = Database.open(DatabaseOptions.defaults(dir.resolve("agentd.db")));
        EventLog eventLog = new EventLog(database, new EventBus(clock, SUBSCRIBER_BUFFER), clock);
        MethodRegistry registry = new MethodRegistry();
        new SubscribeHandler(new Subscriptions(eventLog, clock, Duration.ofSeconds(30))).register(registry);
        RpcServer server = RpcServer.start(dir.resolve("d.sock"), registry, RpcServerOptions.defaults());
        return new BusStack(dir, database, eventLog, server);
    }

    Path socket() {
        return server.socketPath();
    }

    int subscribers() {
        return eventLog.bus().subscriberCount();
    }

    /**
     * Publishes one event that carries the moment it was published, without waiting for the commit (a
     * session's stream reader does not wait either): a token update, the daemon's most frequent status
     * event, with the index as its input and the publish {@code nanoTime} as its output tokens.
     */
    CompletableFuture<?> publish(long index) {
        BusEvent event = new BusEvent.TokensUpdated("bench", "bench", SessionStatus.RUNNING, index, System.nanoTime(), null);
        return database.writeAsync(tx -> eventLog.publish(tx, event));
    }

    @Override
    public void close() throws IOException {
        server.close();
        database.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
