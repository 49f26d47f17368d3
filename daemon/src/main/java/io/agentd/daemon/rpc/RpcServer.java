package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.json.JsonMappers;
import io.agentd.store.job.LongLivedJob;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
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
    private static final Duration MIN_REAP_TICK = Duration.ofMillis(50);
    private static final Duration MAX_REAP_TICK = Duration.ofSeconds(10);

    private final Path socketPath;
    private final ServerSocketChannel listener;
    private final UserPrincipal owner;
    private final RpcDispatcher dispatcher;
    private final RpcServerOptions options;
    private final ConcurrentMap<String, SocketRpcConnection> connections = new ConcurrentHashMap<>();
    private final AtomicLong connectionCounter = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread acceptThread;
    private final Thread idleReaper;
    private final byte[] overCapLine;

    private RpcServer(Path socketPath, ServerSocketChannel listener, UserPrincipal owner, MethodRegistry registry,
                      RpcServerOptions options) {
        this.socketPath = socketPath;
        this.listener = listener;
        this.owner = owner;
        this.options = options;
        this.dispatcher = new RpcDispatcher(registry, JsonMappers.daemon());
        this.overCapLine = overCapLine(options.maxConnections());
        // The accept loop survives anything (an OutOfMemoryError too): without it the daemon would serve nobody.
        this.acceptThread = Thread.ofPlatform().name("rpc-accept").daemon(true)
                .unstarted(LongLivedJob.of("rpc-accept", this::acceptNext));
        this.idleReaper = options.idleTimeout().isZero() ? null
                : Thread.ofVirtual().name("rpc-idle-reaper").unstarted(LongLivedJob.of("rpc-idle-reaper", this::reapIdle));
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
        SocketFiles.checkFolder(path.getParent());
        SocketFiles.clearStaleSocket(path);
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            listener.bind(UnixDomainSocketAddress.of(path), BACKLOG);
            SocketFiles.restrictSocket(path);
            // The file's owner is the uid the daemon runs as: no user-name lookup that could fail.
            UserPrincipal owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
            RpcServer server = new RpcServer(path, listener, owner, registry, options);
            server.acceptThread.start();
            if (server.idleReaper != null) {
                server.idleReaper.start();
            }
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
     * @throws SocketPathRefusedException if the path holds something other than a socket, or its folder lets
     *                                    another user replace the socket
     */
    public static void refuseIfRunning(Path socketPath) throws IOException {
        Path path = socketPath.toAbsolutePath();
        if (SocketFiles.answers(path)) {
            throw new DaemonAlreadyRunningException(path);
        }
        SocketFiles.refuseNonSocket(path);
        if (Files.isDirectory(path.getParent())) {
            SocketFiles.checkFolder(path.getParent());
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
        if (idleReaper != null) {
            idleReaper.interrupt();
        }
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

    /** One round of the accept loop: accepts and sets up one connection; false once the server is closed. */
    private boolean acceptNext() {
        if (closed.get()) {
            return false;
        }
        SocketChannel channel;
        try {
            channel = listener.accept();
        } catch (ClosedChannelException e) {
            return false;
        } catch (IOException e) {
            if (closed.get()) {
                return false;
            }
            // E.g. out of file descriptors: back off instead of spinning.
            LOG.warn("accept failed: {}", e.toString());
            sleepQuietly();
            return true;
        }
        try {
            serve(channel);
        } catch (Throwable e) {
            closeQuietly(channel);
            throw e;
        }
        return true;
    }

    /**
     * One round of the idle reaper: closes the connections that sent nothing for the idle timeout while no
     * request of theirs was in flight. Subscriptions are never idle.
     */
    private boolean reapIdle() throws InterruptedException {
        Duration timeout = options.idleTimeout();
        Duration tick = timeout.dividedBy(10);
        Thread.sleep(tick.compareTo(MIN_REAP_TICK) < 0 ? MIN_REAP_TICK : tick.compareTo(MAX_REAP_TICK) > 0
                ? MAX_REAP_TICK : tick);
        long now = System.nanoTime();
        for (SocketRpcConnection connection : connections.values()) {
            if (connection.closeIfIdle(timeout, now)) {
                LOG.debug("{}: idle for {}, closed", connection.id(), timeout);
            }
        }
        return !closed.get();
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
        if (connections.size() >= options.maxConnections()) {
            refuseOverCap(channel, id);
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
        try {
            Thread.ofVirtual().name("rpc-" + id).start(connection);
        } catch (Throwable e) {
            // No thread (out of memory, say): the connection must not count toward the cap for ever.
            connections.remove(id);
            connection.close();
            throw e;
        }
    }

    /**
     * Over the cap: one error line, then close. The line fits any socket buffer, so the write never blocks
     * the accept loop.
     */
    private void refuseOverCap(SocketChannel channel, String id) {
        LOG.warn("{}: refusing a connection: {} are open, the most allowed (--max-connections)", id,
                options.maxConnections());
        try {
            channel.write(ByteBuffer.wrap(overCapLine));
            channel.shutdownOutput();
        } catch (IOException e) {
            LOG.debug("{}: telling a refused connection why failed: {}", id, e.toString());
        }
        closeQuietly(channel);
    }

    private static UnixDomainPrincipal peerOf(SocketChannel channel, String id) {
        try {
            return channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("{}: cannot read peer credentials: {}", id, e.toString());
            return null;
        }
    }

    private static byte[] overCapLine(int maxConnections) {
        byte[] json = JsonMappers.daemon().writeValueAsBytes(RpcEnvelopes.error(null, RpcError.of(
                RpcErrorCode.TOO_MANY_CONNECTIONS, "Too many connections: the daemon serves at most " + maxConnections
                        + " at once; try again later")));
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
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
