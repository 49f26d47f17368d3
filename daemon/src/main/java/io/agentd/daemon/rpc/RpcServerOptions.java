package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Tuning of an {@link RpcServer}.
 *
 * @param maxLineBytes the longest request line accepted, without its line terminator
 * @param shutdownGrace how long {@link RpcServer#close()} lets in-flight requests finish
 */
public record RpcServerOptions(int maxLineBytes, Duration shutdownGrace) {
    /** 64 MiB: far above hld's 10 MB, so no real request is refused. */
    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;
    /** Default grace period for in-flight requests at shutdown. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(5);

    /** Validates the values. */
    public RpcServerOptions {
        if (maxLineBytes < 1 || maxLineBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxLineBytes out of range: " + maxLineBytes);
        }
        requireNonNull(shutdownGrace, "shutdownGrace is null");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace is negative: " + shutdownGrace);
        }
    }

    /** 64 MiB lines, 5 s grace. */
    public static RpcServerOptions defaults() {
        return new RpcServerOptions(DEFAULT_MAX_LINE_BYTES, DEFAULT_SHUTDOWN_GRACE);
    }
}
