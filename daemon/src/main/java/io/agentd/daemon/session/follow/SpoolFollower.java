package io.agentd.daemon.session.follow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

import static java.util.Objects.requireNonNull;

/**
 * Follows a growing stdout spool file from a byte offset, like {@code tail -f}, and hands every complete
 * line to a sink together with the offset just past it. Lines may be of any length up to
 * {@code maxLineBytes}: the buffer grows as needed and shrinks back after a large line. When the writer
 * has finished, the rest of the file is read and a final line without a newline is delivered too.
 */
public final class SpoolFollower {
    /** Receives lines; {@code endOffset} is where reading resumes after this line. */
    @FunctionalInterface
    public interface LineSink {
        void line(byte[] bytes, int offset, int length, long endOffset) throws InterruptedException;

        /** Everything written so far has been delivered; a good moment to persist a batch. */
        default void caughtUp() throws InterruptedException {
        }
    }

    /** Receives the notice that a line was longer than the limit and was skipped. */
    @FunctionalInterface
    public interface OversizeSink {
        void oversized(long bytes, long endOffset) throws InterruptedException;
    }

    private static final int CHUNK = 64 * 1024;
    private static final int SHRINK_ABOVE = 1024 * 1024;
    private static final Duration IDLE_POLL = Duration.ofMillis(250);

    private final Path file;
    private final Wakeup wakeup;
    private final BooleanSupplier writerFinished;
    private final int maxLineBytes;

    public SpoolFollower(Path file, Wakeup wakeup, BooleanSupplier writerFinished, int maxLineBytes) {
        this.file = requireNonNull(file, "file is null");
        this.wakeup = requireNonNull(wakeup, "wakeup is null");
        this.writerFinished = requireNonNull(writerFinished, "writerFinished is null");
        this.maxLineBytes = maxLineBytes;
    }

    /** Follows from {@code offset} until the writer has finished and everything is read; returns the end offset. */
    public long follow(long offset, LineSink sink, OversizeSink oversize) throws IOException, InterruptedException {
        FileChannel channel = open();
        if (channel == null) {
            return offset; // the writer finished without ever creating the file
        }
        try (channel) {
            return pump(channel, offset, sink, oversize);
        }
    }

    private FileChannel open() throws IOException, InterruptedException {
        while (true) {
            try {
                return FileChannel.open(file, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                if (writerFinished.getAsBoolean() && !Files.exists(file)) {
                    return null;
                }
                wakeup.await(Duration.ofMillis(20));
            }
        }
    }

    private long pump(FileChannel channel, long offset, LineSink sink, OversizeSink oversize)
            throws IOException, InterruptedException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        byte[] line = new byte[CHUNK];
        int lineLength = 0;
        long skipped = -1; // bytes of an oversized line being skipped, or -1
        long position = offset;
        boolean finishing = false;
        while (true) {
            chunk.clear();
            int n = channel.read(chunk, position);
            if (n > 0) {
                byte[] data = chunk.array();
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (data[i] != '\n') {
                        continue;
                    }
                    long end = position + i + 1;
                    // A line can exceed the limit within one chunk too, not only across chunks.
                    long total = (skipped >= 0 ? skipped : lineLength) + (i - start);
                    if (skipped >= 0 || total > maxLineBytes) {
                        oversize.oversized(total, end);
                        skipped = -1;
                        lineLength = 0;
                    } else if (lineLength == 0) {
                        sink.line(data, start, i - start, end);
                    } else {
                        line = append(line, lineLength, data, start, i - start);
                        lineLength += i - start;
                        sink.line(line, 0, lineLength, end);
                        lineLength = 0;
                        if (line.length > SHRINK_ABOVE) {
                            line = new byte[CHUNK];
                        }
                    }
                    start = i + 1;
                }
                int rest = n - start;
                if (skipped >= 0) {
                    skipped += rest;
                } else if (lineLength + (long) rest > maxLineBytes) {
                    skipped = lineLength + (long) rest;
                    lineLength = 0;
                    line = new byte[CHUNK];
                } else if (rest > 0) {
                    line = append(line, lineLength, data, start, rest);
                    lineLength += rest;
                }
                position += n;
                continue;
            }
            if (finishing) {
                if (skipped >= 0) {
                    oversize.oversized(skipped, position);
                } else if (lineLength > 0) {
                    sink.line(line, 0, lineLength, position);
                }
                sink.caughtUp();
                return position;
            }
            if (writerFinished.getAsBoolean()) {
                finishing = true; // read once more: bytes written just before the exit are not lost
                continue;
            }
            sink.caughtUp();
            wakeup.await(IDLE_POLL);
        }
    }

    private static byte[] append(byte[] line, int length, byte[] data, int from, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(data, from, line, length, count);
        return line;
    }
}
