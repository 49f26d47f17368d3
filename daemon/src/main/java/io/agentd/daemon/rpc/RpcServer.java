package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.json.JsonMappers;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC server on a Unix domain socket: one virtual thread per connection, requests on a connection
 * answered in order, any number of connections. Only the daemon's own user may connect.
 */
public final class RpcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);
    /** A burst of virtual-thread clients fails connect with EAGAIN when the backlog is small. */
    private static final int BACKLOG = 512;
    private static final long ACCEPT_RETRY_MILLIS = 50;

    private final Path socketPath;
    private final ServerSocketChannel listener;
    private final UserPrincipal owner;
    private final RpcDispatcher dispatcher;
    private final RpcServerOptions options;
    private final ConcurrentMap<String, SocketRpcConnection> connections = new ConcurrentHashMap<>();
    private final AtomicLong connectionCounter = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread acceptThread;

    private RpcServer(Path socketPath, ServerSocketChannel listener, UserPrincipal owner, MethodRegistry registry,
                      RpcServerOptions options) {
        this.socketPath = socketPath;
        this.listener = listener;
        this.owner = owner;
        this.options = options;
        this.dispatcher = new RpcDispatcher(registry, JsonMappers.daemon());
        this.acceptThread = Thread.ofPlatform().name("rpc-accept").daemon(true).unstarted(this::acceptLoop);
    }

    /**
     * Binds the socket and starts accepting.
     *
     * <p>Missing parent directories are created with mode 0700. A socket file nobody answers on is
     * replaced; the socket is chmod 0600 after binding.
     *
     * @throws DaemonAlreadyRunningException if a daemon already answers on the path (its file is left alone)
     * @throws IOException if the socket cannot be bound
     */
    public static RpcServer start(Path socketPath, MethodRegistry registry, RpcServerOptions options)
            throws IOException {
        requireNonNull(socketPath, "socketPath is null");
        requireNonNull(registry, "registry is null");
        requireNonNull(options, "options is null");
        Path path = socketPath.toAbsolutePath();
        SocketFiles.createPrivateParents(path);
        SocketFiles.clearStaleSocket(path);
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            listener.bind(UnixDomainSocketAddress.of(path), BACKLOG);
            SocketFiles.restrictSocket(path);
            // The file's owner is the uid the daemon runs as: no user-name lookup that could fail.
            UserPrincipal owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
            RpcServer server = new RpcServer(path, listener, owner, registry, options);
            server.acceptThread.start();
            LOG.info("listening on {}", path);
            return server;
        } catch (IOException | RuntimeException e) {
            listener.close();
            Files.deleteIfExists(path);
            throw e;
        }
    }

    /**
     * Fails fast when a daemon already answers on the path, so a second instance is refused before it
     * touches anything else (its database, its log).
     *
     * @throws DaemonAlreadyRunningException if something accepts connections there
     */
    public static void refuseIfRunning(Path socketPath) throws DaemonAlreadyRunningException {
        Path path = socketPath.toAbsolutePath();
        if (SocketFiles.answers(path)) {
            throw new DaemonAlreadyRunningException(path);
        }
    }

    /** The absolute path of the socket. */
    public Path socketPath() {
        return socketPath;
    }

    /** Connections currently open (streaming ones included). */
    public int activeConnections() {
        return connections.size();
    }

    /**
     * Stops accepting, lets in-flight requests finish within the grace period, closes every connection
     * (streams too) and removes the socket file. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            listener.close();
        } catch (IOException e) {
            LOG.warn("closing the listener failed", e);
        }
        List<SocketRpcConnection> open = List.copyOf(connections.values());
        open.forEach(SocketRpcConnection::shutDown);
        awaitConnections(open);
        open.forEach(SocketRpcConnection::close);
        joinQuietly(acceptThread, 1000);
        try {
            Files.deleteIfExists(socketPath);
        } catch (IOException e) {
            LOG.warn("removing {} failed", socketPath, e);
        }
        LOG.info("stopped listening on {}", socketPath);
    }

    private void awaitConnections(List<SocketRpcConnection> open) {
        long deadline = System.nanoTime() + options.shutdownGrace().toNanos();
        for (SocketRpcConnection connection : open) {
            Thread thread = connection.thread();
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (thread != null && remainingMillis > 0) {
                joinQuietly(thread, remainingMillis);
            }
        }
    }

    private static void joinQuietly(Thread thread, long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed.get()) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (closed.get()) {
                    return;
                }
                // E.g. out of file descriptors: back off instead of spinning.
                LOG.warn("accept failed: {}", e.toString());
                sleepQuietly();
                continue;
            }
            try {
                serve(channel);
            } catch (RuntimeException e) {
                LOG.error("setting up a connection failed", e);
                closeQuietly(channel);
            }
        }
    }

    private void serve(SocketChannel channel) {
        String id = "c" + connectionCounter.incrementAndGet();
        UnixDomainPrincipal peer = peerOf(channel, id);
        if (peer == null || !owner.equals(peer.user())) {
            LOG.warn("{}: refusing connection from user {}: the daemon runs as {}",
                    id, peer == null ? "unknown" : peer.user().getName(), owner.getName());
            closeQuietly(channel);
            return;
        }
        RequestContext context = new RequestContext(id, peer.user().getName());
        SocketRpcConnection connection = new SocketRpcConnection(channel, context, dispatcher, JsonMappers.daemon(),
                options.maxLineBytes(), () -> connections.remove(id));
        connections.put(id, connection);
        if (closed.get()) {
            // close() may have taken its snapshot before this connection was registered.
            connections.remove(id);
            connection.close();
            return;
        }
        LOG.debug("{}: accepted", id);
        Thread.ofVirtual().name("rpc-" + id).start(connection);
    }

    private static UnixDomainPrincipal peerOf(SocketChannel channel, String id) {
        try {
            return channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("{}: cannot read peer credentials: {}", id, e.toString());
            return null;
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing a refused connection failed: {}", e.toString());
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(ACCEPT_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
