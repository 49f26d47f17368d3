package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Splits a byte channel into newline-terminated lines without decoding them, so Jackson parses each line
 * straight from the buffer. An optional {@code \r} before the {@code \n} is stripped and blank lines are
 * skipped. The buffer starts small and grows up to the line limit only while a long line is read; once the
 * long line is consumed it shrinks back, so an idle connection holds only the initial buffer. A line longer
 * than the limit is reported as soon as that is known, without reading the rest of it.
 *
 * <p>Not thread-safe: one reader per connection thread.
 */
final class LineReader {
    static final int DEFAULT_BUFFER_BYTES = 64 * 1024;
    /** Reads and writes go through the JDK's temporary direct buffers; big ones would cost a big copy each. */
    private static final int MAX_READ_BYTES = 64 * 1024;

    /** What {@link #next()} found. */
    sealed interface Result {
    }

    /**
     * One line, without its terminator. The bytes are valid only until the next call to {@link #next()}.
     */
    record Line(byte[] buffer, int offset, int length) implements Result {
    }

    /** A line exceeds the limit; the stream cannot be resynchronised, so the caller should give up. */
    record Oversized() implements Result {
    }

    /** The peer closed its side. */
    record EndOfStream() implements Result {
    }

    private final ReadableByteChannel channel;
    private final int maxLineBytes;
    private final int initialCapacity;
    /** Write mode: bytes [start, position) are unconsumed, bytes [start, scan) hold no newline. */
    private ByteBuffer buffer;
    private int start;
    private int scan;
    private boolean endOfStream;

    LineReader(ReadableByteChannel channel, int maxLineBytes) {
        this(channel, maxLineBytes, DEFAULT_BUFFER_BYTES);
    }

    LineReader(ReadableByteChannel channel, int maxLineBytes, int initialCapacity) {
        this.channel = requireNonNull(channel, "channel is null");
        if (maxLineBytes < 1 || maxLineBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxLineBytes out of range: " + maxLineBytes);
        }
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("initialCapacity must be positive: " + initialCapacity);
        }
        this.maxLineBytes = maxLineBytes;
        this.initialCapacity = initialCapacity;
        this.buffer = ByteBuffer.allocate(initialCapacity);
    }

    /** Reads until a whole non-blank line, an oversized line, or the end of the stream. */
    Result next() throws IOException {
        shrinkIfIdle();
        while (true) {
            Result found = scanBufferedLines();
            if (found != null) {
                return found;
            }
            int pending = buffer.position() - start;
            // Room for the content, an optional '\r' and the '\n'.
            if (pending > maxLineBytes + 1) {
                return new Oversized();
            }
            if (endOfStream) {
                return finalLine(pending);
            }
            if (!buffer.hasRemaining()) {
                makeRoom();
            }
            readSome();
        }
    }

    /** For tests: the current buffer size. */
    int capacity() {
        return buffer.capacity();
    }

    private Result scanBufferedLines() {
        byte[] bytes = buffer.array();
        int end = buffer.position();
        for (int i = scan; i < end; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            int lineStart = start;
            start = i + 1;
            scan = start;
            Result line = toLine(bytes, lineStart, i);
            if (line != null) {
                return line;
            }
        }
        scan = end;
        if (start == end) {
            // Everything consumed: restart at the front instead of compacting later.
            buffer.clear();
            start = 0;
            scan = 0;
        }
        return null;
    }

    /** A line in [from, to) without its '\n', or null if it is blank. */
    private Result toLine(byte[] bytes, int from, int to) {
        int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
        if (end - from > maxLineBytes) {
            return new Oversized();
        }
        for (int i = from; i < end; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return new Line(bytes, from, end - from);
            }
        }
        return null;
    }

    /** A last line that the peer did not terminate before closing. */
    private Result finalLine(int pending) {
        if (pending == 0) {
            return new EndOfStream();
        }
        int from = start;
        int to = buffer.position();
        start = to;
        scan = to;
        Result line = toLine(buffer.array(), from, to);
        return line != null ? line : new EndOfStream();
    }

    private void readSome() throws IOException {
        int limit = buffer.limit();
        buffer.limit(Math.min(limit, buffer.position() + MAX_READ_BYTES));
        int read;
        try {
            read = channel.read(buffer);
        } finally {
            buffer.limit(limit);
        }
        if (read < 0) {
            endOfStream = true;
        }
    }

    /** The buffer is full: drop consumed bytes, or grow towards the line limit. */
    private void makeRoom() {
        int pending = buffer.position() - start;
        if (start > 0) {
            System.arraycopy(buffer.array(), start, buffer.array(), 0, pending);
            buffer.position(pending);
            scan -= start;
            start = 0;
            if (buffer.hasRemaining()) {
                return;
            }
        }
        int ceiling = maxLineBytes + 2;
        int grown = (int) Math.min((long) buffer.capacity() * 2, ceiling);
        replaceBuffer(Math.max(grown, buffer.capacity() + 1));
    }

    /** After a long line, go back to the small buffer as soon as what is left fits in it. */
    private void shrinkIfIdle() {
        if (buffer.capacity() > initialCapacity && buffer.position() - start <= initialCapacity) {
            replaceBuffer(initialCapacity);
        }
    }

    private void replaceBuffer(int capacity) {
        int pending = buffer.position() - start;
        ByteBuffer replacement = ByteBuffer.allocate(capacity);
        replacement.put(buffer.array(), start, pending);
        scan -= start;
        start = 0;
        buffer = replacement;
    }
}
