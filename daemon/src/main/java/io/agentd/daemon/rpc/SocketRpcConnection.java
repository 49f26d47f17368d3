package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client connection: reads lines, dispatches them one after another and writes the responses in
 * order, until the peer hangs up, a line is too long, a streaming handler finishes or the server shuts down.
 */
final class SocketRpcConnection implements RpcConnection, Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SocketRpcConnection.class);
    private static final int MAX_WRITE_BYTES = 64 * 1024;
    private static final int DRAIN_BUFFER_BYTES = 8 * 1024;
    /** How long a refused over-long line's sender may go on sending before the connection is closed anyway. */
    private static final Duration DISCARD_TIME = Duration.ofSeconds(5);

    private final SocketChannel channel;
    private final RequestContext context;
    private final RpcDispatcher dispatcher;
    private final JsonMapper mapper;
    private final ResultWriter results;
    private final BatchWriter batches;
    private final ResponseOutput output;
    private final int maxLineBytes;
    private final Runnable onClosed;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean open = new AtomicBoolean(true);
    /** Guards busy, streaming and shuttingDown. */
    private final Object state = new Object();
    private boolean busy;
    private boolean streaming;
    private boolean shuttingDown;
    private volatile Thread thread;
    /** When the peer last sent a byte or a request ended (System.nanoTime), for the idle timeout. */
    private volatile long lastActiveNanos = System.nanoTime();

    SocketRpcConnection(SocketChannel channel, RequestContext context, RpcDispatcher dispatcher, JsonMapper mapper,
                        int maxLineBytes, Runnable onClosed) {
        this.channel = requireNonNull(channel, "channel is null");
        this.context = requireNonNull(context, "context is null");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.results = new ResultWriter(mapper);
        this.batches = new BatchWriter(mapper, results);
        this.output = new ResponseOutput(channel);
        this.maxLineBytes = maxLineBytes;
        this.onClosed = requireNonNull(onClosed, "onClosed is null");
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            if (serve()) {
                discardRest();
            }
        } catch (IOException e) {
            // Hang-ups, resets and our own close() during shutdown all land here.
            LOG.debug("{}: connection ended: {}", id(), e.toString());
        } catch (RuntimeException | Error e) {
            // An OutOfMemoryError too ends only this connection.
            LOG.error("{}: connection failed", id(), e);
        } finally {
            close();
            onClosed.run();
        }
    }

    /**
     * Serves requests until the connection is to close; returns true after refusing an over-long line, whose
     * rest is then discarded once the reader (and its line-sized buffer) is out of reach.
     */
    private boolean serve() throws IOException {
        LineReader reader = new LineReader(new ActivityTrackingChannel(), maxLineBytes);
        while (isOpen()) {
            switch (reader.next()) {
                case LineReader.EndOfStream ignored -> {
                    return false;
                }
                case LineReader.Oversized ignored -> {
                    LOG.warn("{}: request line exceeds {} bytes, closing", id(), maxLineBytes);
                    writeLine(mapper.writeValueAsBytes(RpcEnvelopes.error(null, RpcErrorCode.INVALID_REQUEST,
                            "Request too large: line exceeds " + maxLineBytes + " bytes")));
                    return true;
                }
                case LineReader.Line line -> {
                    if (!beginRequest()) {
                        return false;
                    }
                    DispatchOutcome outcome = dispatcher.dispatch(line.buffer(), line.offset(), line.length(), context);
                    if (!handle(outcome) || !endRequest()) {
                        return false;
                    }
                }
            }
        }
        return false;
    }

    /**
     * After refusing an over-long line: half-closes, so the client reads the error and then the end of the
     * stream, and reads (dropping it) whatever the client still sends until it hangs up, for at most
     * {@link #DISCARD_TIME} and as many bytes as one more line. Closing with input unread would reset the
     * connection: a client still writing its line would fail that write before reading the error, and a
     * reset may discard the error before it is read.
     */
    private void discardRest() throws IOException {
        channel.shutdownOutput();
        Thread deadline = Thread.ofVirtual().name("rpc-discard-" + id()).start(() -> {
            try {
                Thread.sleep(DISCARD_TIME);
                LOG.debug("{}: client still sending {} after the refused line, closing", id(), DISCARD_TIME);
                close();
            } catch (InterruptedException e) {
                // The client hung up in time.
            }
        });
        try {
            ByteBuffer sink = ByteBuffer.allocate(DRAIN_BUFFER_BYTES);
            long discarded = 0;
            int read;
            while (discarded <= maxLineBytes && (read = channel.read(sink)) >= 0) {
                discarded += read;
                sink.clear();
            }
        } finally {
            deadline.interrupt();
        }
    }

    /** Returns false when the connection must close after this outcome. */
    private boolean handle(DispatchOutcome outcome) throws IOException {
        switch (outcome) {
            case DispatchOutcome.Reply reply -> writeLine(reply.json());
            case DispatchOutcome.Result result -> {
                return writeResult(result);
            }
            case DispatchOutcome.Batch batch -> {
                return writeBatch(batch);
            }
            case DispatchOutcome.NoReply ignored -> {
            }
            case DispatchOutcome.ReplyAndClose reply -> {
                writeLine(reply.json());
                return false;
            }
            case DispatchOutcome.Stream stream -> {
                runStream(stream);
                return false;
            }
        }
        return true;
    }

    private void runStream(DispatchOutcome.Stream stream) {
        synchronized (state) {
            if (shuttingDown) {
                return;
            }
            streaming = true;
        }
        LOG.debug("{}: {} takes over the connection", id(), stream.method());
        Thread.ofVirtual().name("rpc-drain-" + id()).start(this::drainUntilHangUp);
        try {
            stream.call().run(this);
        } catch (InterruptedException e) {
            LOG.debug("{}: {} interrupted", id(), stream.method());
        } catch (RuntimeException e) {
            LOG.error("{}: streaming method {} failed", id(), stream.method(), e);
        }
    }

    /**
     * While streaming, the client has nothing more to say; reading (and dropping) whatever it sends is how
     * a hang-up is noticed at once instead of at the next failed write.
     */
    private void drainUntilHangUp() {
        ByteBuffer sink = ByteBuffer.allocate(DRAIN_BUFFER_BYTES);
        try {
            while (channel.read(sink) >= 0) {
                sink.clear();
            }
            LOG.debug("{}: peer hung up", id());
        } catch (IOException e) {
            LOG.debug("{}: stream reader ended: {}", id(), e.toString());
        } finally {
            close();
        }
    }

    @Override
    public RequestContext context() {
        return context;
    }

    @Override
    public void send(Object message) {
        requireNonNull(message, "message is null");
        if (!isOpen()) {
            return;
        }
        byte[] json = mapper.writeValueAsBytes(message);
        try {
            writeLine(json);
        } catch (IOException e) {
            LOG.debug("{}: send failed: {}", id(), e.toString());
            close();
        }
    }

    @Override
    public void sendRaw(byte[] json) {
        requireNonNull(json, "json is null");
        if (!isOpen()) {
            return;
        }
        try {
            writeLine(json);
        } catch (IOException e) {
            LOG.debug("{}: send failed: {}", id(), e.toString());
            close();
        }
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    String id() {
        return context.connectionId();
    }

    Thread thread() {
        return thread;
    }

    /**
     * Asks the connection to finish: an idle or streaming connection closes now, one in the middle of a
     * request closes after writing its response.
     */
    void shutDown() {
        boolean closeNow;
        boolean wasStreaming;
        synchronized (state) {
            shuttingDown = true;
            closeNow = !busy || streaming;
            wasStreaming = streaming;
        }
        if (closeNow) {
            close();
        }
        Thread current = thread;
        if (wasStreaming && current != null) {
            current.interrupt();
        }
    }

    /** Closes at once, in-flight request or not. */
    void close() {
        if (open.compareAndSet(true, false)) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("{}: close failed: {}", id(), e.toString());
            }
            closed.countDown();
        }
    }

    private boolean beginRequest() {
        synchronized (state) {
            if (shuttingDown) {
                return false;
            }
            busy = true;
            return true;
        }
    }

    private boolean endRequest() {
        synchronized (state) {
            busy = false;
            lastActiveNanos = System.nanoTime();
            return !shuttingDown;
        }
    }

    /**
     * Closes the connection if it has sent nothing for {@code timeout} while no request of it was in flight;
     * a subscription (or any streaming method) is never idle. Returns whether it closed.
     */
    boolean closeIfIdle(Duration timeout, long nowNanos) {
        synchronized (state) {
            if (busy || streaming || shuttingDown || nowNanos - lastActiveNanos < timeout.toNanos()) {
                return false;
            }
        }
        close();
        return true;
    }

    /** The socket as the line reader sees it: every byte read counts as activity. */
    private final class ActivityTrackingChannel implements ReadableByteChannel {
        @Override
        public int read(ByteBuffer target) throws IOException {
            int n = channel.read(target);
            if (n > 0) {
                lastActiveNanos = System.nanoTime();
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /**
     * Serializes a result straight to the socket. A failure before any byte was sent becomes the usual
     * error response; after that the only clean ending is to close the connection, so the client sees the
     * connection end before the newline instead of a half line followed by more responses. Returns false
     * when the connection must close.
     */
    private boolean writeResult(DispatchOutcome.Result result) throws IOException {
        writeLock.lock();
        try {
            output.reset();
            try {
                results.write(result, output);
                output.finishLine();
                return true;
            } catch (RuntimeException e) {
                if (output.failure() != null) {
                    // The socket failed (the generator wraps the IOException): the peer is gone.
                    throw output.failure();
                }
                if (!output.sentAny()) {
                    output.reset();
                    writeLine(mapper.writeValueAsBytes(
                            RpcEnvelopes.error(result.id(), RpcErrors.toRpcError(e, result.where()))));
                    return true;
                }
                LOG.error("{}: writing the result failed after part of it was sent; closing the connection",
                        result.where(), e);
                return false;
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Writes a batch's answer as its elements run; returns false when the connection must close. */
    private boolean writeBatch(DispatchOutcome.Batch batch) throws IOException {
        writeLock.lock();
        try {
            output.reset();
            return batches.write(batch, output);
        } finally {
            writeLock.unlock();
        }
    }

    /** Writes one line; bounded chunks keep the JDK's temporary direct buffers small. */
    private void writeLine(byte[] json) throws IOException {
        writeLock.lock();
        try {
            ByteBuffer data;
            if (json.length < MAX_WRITE_BYTES) {
                byte[] framed = Arrays.copyOf(json, json.length + 1);
                framed[json.length] = '\n';
                data = ByteBuffer.wrap(framed);
                writeFully(data);
            } else {
                writeFully(ByteBuffer.wrap(json));
                writeFully(ByteBuffer.wrap(new byte[] {'\n'}));
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void writeFully(ByteBuffer data) throws IOException {
        int end = data.limit();
        while (data.position() < end) {
            data.limit(Math.min(end, data.position() + MAX_WRITE_BYTES));
            channel.write(data);
        }
    }
}
