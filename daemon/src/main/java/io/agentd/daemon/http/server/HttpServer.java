package io.agentd.daemon.http.server;

import io.agentd.daemon.http.route.ReplyWriter;
import io.agentd.daemon.http.route.RouteTable;
import io.agentd.daemon.http.route.Router;
import io.agentd.daemon.http.security.OriginPolicy;
import io.agentd.daemon.http.security.PeerUids;
import io.agentd.daemon.http.security.SecurityGuard;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.BindException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static java.util.Objects.requireNonNull;

/**
 * The daemon's HTTP/1.1 server: Jetty's core API, blocking handlers on virtual threads
 * (docs/decisions/0007). Requests pass the {@link SecurityGuard}, then the {@link Router}.
 *
 * <p>Threads: one acceptor and one selector (platform threads of a small pool); each request runs on
 * a virtual thread. Stopping refuses new requests and waits up to the stop timeout for those in flight.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final Server server;
    private final ExecutorService virtualThreads;
    private final String host;
    private final int port;

    private HttpServer(Server server, ExecutorService virtualThreads, String host, int port) {
        this.server = server;
        this.virtualThreads = virtualThreads;
        this.host = host;
        this.port = port;
    }

    /**
     * Binds and starts serving {@code routes}.
     *
     * @throws HttpPortUnavailableException when the address cannot be bound (port in use, unknown host)
     */
    public static HttpServer start(HttpOptions options, RouteTable routes, PeerUids peers, JsonMapper mapper)
            throws IOException {
        requireNonNull(options, "options is null");
        if (!OriginPolicy.isLoopback(options.host())) {
            log.warn("HTTP server bound to {}, which is NOT a loopback address: other machines can reach it, and the"
                    + " peer-user check applies to local connections only. Bind 127.0.0.1 unless you mean this.",
                    options.host());
        }
        if (!peers.available()) {
            log.warn("cannot read /proc/net/tcp: HTTP clients on this machine are not checked to be this user's");
        }
        QueuedThreadPool pool = new QueuedThreadPool(8, 2);
        pool.setName("http");
        ExecutorService virtualThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("http-", 0).factory());
        pool.setVirtualThreadsExecutor(virtualThreads);
        Server server = new Server(pool);
        server.setStopTimeout(options.stopTimeout().toMillis());
        server.setErrorHandler(new JsonErrorHandler(mapper));

        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(options.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        server.addConnector(connector);

        ReplyWriter writer = new ReplyWriter(mapper);
        server.setHandler(new GracefulHandler(new SecurityGuard(new Router(routes, mapper), options.host(),
                options.extraOrigins(), peers, writer)));
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            virtualThreads.close();
            if (hasCause(e, BindException.class)) {
                throw new HttpPortUnavailableException("cannot listen for HTTP on " + options.host() + ":" + options.port()
                        + ": " + (options.port() == 0 ? "no free port" : "the port is in use (another agentd or hld?)")
                        + "; pass --http-port 0 for a free port, another --http-port, or --no-http", e);
            }
            throw new IOException("cannot start the HTTP server on " + options.host() + ":" + options.port() + ": "
                    + e.getMessage(), e);
        }
        int bound = connector.getLocalPort();
        log.info("HTTP API on http://{}:{}/api/v1", hostForUrl(options.host()), bound);
        return new HttpServer(server, virtualThreads, options.host(), bound);
    }

    /** The bound port (the free one picked for port 0). */
    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    /** Refuses new requests, lets those in flight finish within the stop timeout, then closes every connection. */
    @Override
    public void close() {
        stopQuietly(server);
        // Handlers still running now wait on something other than the (closed) connection: interrupt them.
        virtualThreads.shutdownNow();
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("stopping the HTTP server: {}", e.getMessage());
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
