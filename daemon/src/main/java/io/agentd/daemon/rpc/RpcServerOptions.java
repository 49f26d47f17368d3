package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Tuning of an {@link RpcServer}.
 *
 * @param maxLineBytes the longest request line accepted, without its line terminator
 * @param shutdownGrace how long {@link RpcServer#close()} lets in-flight requests finish
 * @param maxConnections the most connections open at once; one more is answered with an error line and closed
 * @param idleTimeout how long a connection may send nothing while no request of it is in flight before it is
 *                    closed; subscriptions never time out; zero disables
 */
public record RpcServerOptions(int maxLineBytes, Duration shutdownGrace, int maxConnections, Duration idleTimeout) {
    /** 64 MiB: far above hld's 10 MB, so no real request is refused. */
    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;
    /** Default grace period for in-flight requests at shutdown. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(5);
    /**
     * Far more than desktop UIs, CLIs, watchers and the approvals servers of the most sessions need together;
     * each idle connection costs a virtual thread and a 64 KiB read buffer, so the cap bounds that at 64 MiB.
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;
    /** hld's clients open a connection per call; ten quiet minutes mean a client that forgot its connection. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);

    /** Validates the values. */
    public RpcServerOptions {
        if (maxLineBytes < 1 || maxLineBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxLineBytes out of range: " + maxLineBytes);
        }
        requireNonNull(shutdownGrace, "shutdownGrace is null");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace is negative: " + shutdownGrace);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max connections must be at least 1");
        }
        requireNonNull(idleTimeout, "idleTimeout is null");
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("connection idle timeout must not be negative");
        }
    }

    /** The given line limit and grace, the default connection limits. */
    public RpcServerOptions(int maxLineBytes, Duration shutdownGrace) {
        this(maxLineBytes, shutdownGrace, DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT);
    }

    /** 64 MiB lines, 5 s grace, 1024 connections, 10 min idle timeout. */
    public static RpcServerOptions defaults() {
        return new RpcServerOptions(DEFAULT_MAX_LINE_BYTES, DEFAULT_SHUTDOWN_GRACE);
    }

    /** These options with other connection limits. */
    public RpcServerOptions withConnectionLimits(int maxConnections, Duration idleTimeout) {
        return new RpcServerOptions(maxLineBytes, shutdownGrace, maxConnections, idleTimeout);
    }
}
