package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;

/**
 * The bytes of one response line on their way to the socket. Nothing is sent until {@value #HELD_BYTES}
 * bytes have gathered or the line is finished, so a result that fails early can still be replaced by an
 * error response; after that the line goes out in pieces of that size, which keeps a large answer's memory
 * (and the JDK's temporary direct buffers) bounded. One per connection, reused for each response.
 */
final class ResponseOutput extends OutputStream {
    /** Bytes held back before the first write, and the size of each write after it. */
    static final int HELD_BYTES = 64 * 1024;
    private static final int INITIAL_BYTES = 4 * 1024;

    private final WritableByteChannel channel;
    private byte[] buffer = new byte[INITIAL_BYTES];
    private int count;
    private boolean sent;
    /** Bytes of the current line already sent. */
    private long sentBytes;
    private IOException failure;

    ResponseOutput(WritableByteChannel channel) {
        this.channel = requireNonNull(channel, "channel is null");
    }

    /** Starts a new line, dropping whatever an abandoned one left. */
    void reset() {
        count = 0;
        sent = false;
        sentBytes = 0;
        failure = null;
    }

    /** How many bytes of the current line have been written so far: a mark to {@link #rewind} to. */
    long position() {
        return sentBytes + count;
    }

    /**
     * Drops what was written after {@code mark}, if none of it has been sent yet (a batch element that failed
     * while it was written is then replaced by its error); returns false when part of it is already sent.
     */
    boolean rewind(long mark) {
        if (mark < sentBytes || mark > position()) {
            return false;
        }
        count = (int) (mark - sentBytes);
        return true;
    }

    /** Whether part of the current line has already gone to the socket. */
    boolean sentAny() {
        return sent;
    }

    /** The socket failure that stopped the current line, if one did (the generator reports it wrapped). */
    IOException failure() {
        return failure;
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            makeRoom();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (count == buffer.length) {
                makeRoom();
            }
            int n = Math.min(length, buffer.length - count);
            System.arraycopy(bytes, offset, buffer, count, n);
            count += n;
            offset += n;
            length -= n;
        }
    }

    /** Does nothing: only a full buffer or {@link #finishLine} sends bytes, so a generator cannot send early. */
    @Override
    public void flush() {
    }

    /** Ends the line with its newline and sends the rest. */
    void finishLine() throws IOException {
        write('\n');
        send();
    }

    private void makeRoom() throws IOException {
        if (buffer.length < HELD_BYTES) {
            buffer = Arrays.copyOf(buffer, Math.min(HELD_BYTES, buffer.length * 2));
        } else {
            send();
        }
    }

    private void send() throws IOException {
        ByteBuffer data = ByteBuffer.wrap(buffer, 0, count);
        try {
            while (data.hasRemaining()) {
                channel.write(data);
            }
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        sent = true;
        sentBytes += count;
        count = 0;
    }
}
