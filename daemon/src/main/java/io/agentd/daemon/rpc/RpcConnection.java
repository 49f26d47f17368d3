package io.agentd.daemon.rpc;

import java.time.Duration;

/**
 * A client connection handed over to a streaming method (e.g. {@code Subscribe}). The handler runs on the
 * connection's own thread; when it returns, the connection is closed.
 */
public interface RpcConnection {
    /** Who is on the other end. */
    RequestContext context();

    /**
     * Writes one message as one JSON line. Safe to call from any thread; lines never interleave. The
     * message is a complete envelope (see {@link RpcEnvelopes}). After the connection has closed this does
     * nothing, so a producer only needs to check {@link #isOpen()} to stop early.
     *
     * @param message any value the daemon mapper can serialize
     */
    void send(Object message);

    /**
     * Sends one message that is already serialized JSON (without the newline): for a line encoded once and
     * sent to many connections. Thread-safe; does nothing once the connection is closed.
     */
    void sendRaw(byte[] json);

    /** False once the peer hung up, a write failed, or the daemon closed the connection. */
    boolean isOpen();

    /**
     * Blocks until the connection closes or the timeout passes.
     *
     * @param timeout how long to wait at most
     * @return true if the connection is closed
     * @throws InterruptedException if the thread is interrupted, e.g. by daemon shutdown
     */
    boolean awaitClosed(Duration timeout) throws InterruptedException;
}
