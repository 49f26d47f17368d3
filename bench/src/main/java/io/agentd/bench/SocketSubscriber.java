package io.agentd.bench;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * A client subscribed over the socket that records, for every event, now minus the publish time carried in
 * the event. Lines are scanned for the two numbers it needs rather than parsed into a tree, so the figure
 * is the daemon's and not a JSON parser's.
 */
final class SocketSubscriber implements AutoCloseable {
    private static final byte[] SUBSCRIBE = "{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"params\":{},\"id\":1}\n"
            .getBytes(StandardCharsets.UTF_8);
    /** Where {@link BusStack#publish} puts the publish time. */
    private static final byte[] PUBLISHED = "\"output_tokens\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SEQ = "\"seq\":".getBytes(StandardCharsets.UTF_8);

    private final SocketChannel channel;
    private final LatencyRecorder recorder;
    private final ByteBuffer in = ByteBuffer.allocate(1 << 16);
    private byte[] line = new byte[4096];
    private int lineLength;
    private long lastSeq;
    private long received;
    private long outOfOrder;

    private SocketSubscriber(SocketChannel channel, int expected) {
        this.channel = channel;
        this.recorder = new LatencyRecorder(expected);
    }

    /** Connects and subscribes; returns once the confirmation has arrived. */
    static SocketSubscriber connect(Path socket, int expected) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        SocketSubscriber s = new SocketSubscriber(channel, expected);
        channel.write(ByteBuffer.wrap(SUBSCRIBE));
        s.in.flip();
        if (!s.nextLine() || indexOf(s.line, s.lineLength, "subscription_id".getBytes(StandardCharsets.UTF_8)) < 0) {
            throw new IOException("no subscription confirmation");
        }
        return s;
    }

    LatencyRecorder recorder() {
        return recorder;
    }

    long outOfOrder() {
        return outOfOrder;
    }

    /**
     * Reads until {@code total} events have arrived or the connection closes; records those published at or
     * after {@code measureFrom} (a nanoTime, {@code Long.MAX_VALUE} while warming up).
     */
    void readEvents(long total, LongSupplier measureFrom) throws IOException {
        while (received < total && nextLine()) {
            long now = System.nanoTime();
            long published = numberAfter(PUBLISHED);
            if (published == Long.MIN_VALUE) {
                continue; // a heartbeat
            }
            received++;
            long seq = numberAfter(SEQ);
            if (seq <= lastSeq) {
                outOfOrder++;
            }
            lastSeq = seq;
            if (published >= measureFrom.getAsLong()) {
                recorder.record(now - published, now);
            }
        }
    }

    private boolean nextLine() throws IOException {
        lineLength = 0;
        while (true) {
            while (in.hasRemaining()) {
                byte b = in.get();
                if (b == '\n') {
                    return true;
                }
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
            }
            in.clear();
            int n = channel.read(in);
            in.flip();
            if (n < 0) {
                return false;
            }
        }
    }

    private long numberAfter(byte[] key) {
        int at = indexOf(line, lineLength, key);
        if (at < 0) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        boolean negative = false;
        int i = at + key.length;
        if (i < lineLength && line[i] == '-') {
            negative = true;
            i++;
        }
        for (; i < lineLength && line[i] >= '0' && line[i] <= '9'; i++) {
            value = value * 10 + (line[i] - '0');
        }
        return negative ? -value : value;
    }

    private static int indexOf(byte[] haystack, int length, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
