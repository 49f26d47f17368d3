package io.agentd.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    /** Serves bytes from memory, at most {@code chunk} per read, counting what was consumed. */
    private static final class MemoryChannel implements ReadableByteChannel {
        private final ByteBuffer source;
        private final int chunk;

        MemoryChannel(byte[] bytes, int chunk) {
            this.source = ByteBuffer.wrap(bytes);
            this.chunk = chunk;
        }

        @Override
        public int read(ByteBuffer target) {
            if (!source.hasRemaining()) {
                return -1;
            }
            int n = Math.min(Math.min(chunk, target.remaining()), source.remaining());
            ByteBuffer slice = source.slice(source.position(), n);
            target.put(slice);
            source.position(source.position() + n);
            return n;
        }

        int consumed() {
            return source.position();
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private static List<String> readAll(LineReader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            switch (reader.next()) {
                case LineReader.Line line -> lines.add(
                        new String(line.buffer(), line.offset(), line.length(), StandardCharsets.UTF_8));
                case LineReader.Oversized ignored -> {
                    lines.add("<oversized>");
                    return lines;
                }
                case LineReader.EndOfStream ignored -> {
                    return lines;
                }
            }
        }
    }

    private static LineReader reader(String text, int maxLineBytes, int initialCapacity, int chunk) {
        return new LineReader(new MemoryChannel(text.getBytes(StandardCharsets.UTF_8), chunk), maxLineBytes,
                initialCapacity);
    }

    @Test
    void splitsLinesStripsCarriageReturnAndSkipsBlankLines() throws IOException {
        String text = "a\n\r\n  \t \nbb\r\n\n{\"k\":\"é\"}\nlast";
        assertThat(readAll(reader(text, 100, 64, 1000))).containsExactly("a", "bb", "{\"k\":\"é\"}", "last");
    }

    @Test
    void reassemblesLinesArrivingOneByteAtATime() throws IOException {
        String text = "first line\nsecond\r\nthird one is longer than the buffer\n";
        assertThat(readAll(reader(text, 100, 4, 1)))
                .containsExactly("first line", "second", "third one is longer than the buffer");
    }

    @Test
    void acceptsLineOfExactlyTheLimitWithOrWithoutCarriageReturn() throws IOException {
        String line = "x".repeat(50);
        assertThat(readAll(reader(line + "\n" + line + "\r\n" + line, 50, 8, 7)))
                .containsExactly(line, line, line);
    }

    @Test
    void refusesLineOneByteOverTheLimit() throws IOException {
        assertThat(readAll(reader("ok\n" + "x".repeat(51) + "\nnext\n", 50, 8, 7)))
                .containsExactly("ok", "<oversized>");
        assertThat(readAll(reader("x".repeat(51), 50, 8, 7))).containsExactly("<oversized>");
    }

    @Test
    void stopsReadingAnOversizedLineEarly() throws IOException {
        MemoryChannel channel = new MemoryChannel("y".repeat(1_000_000).getBytes(StandardCharsets.UTF_8), 64);
        LineReader reader = new LineReader(channel, 100, 16);
        assertThat(reader.next()).isInstanceOf(LineReader.Oversized.class);
        assertThat(channel.consumed()).isLessThan(300);
    }

    @Test
    void growsForLongLineAndShrinksBackAfterwards() throws IOException {
        String big = "z".repeat(10_000);
        LineReader reader = reader(big + "\nsmall\n", 20_000, 16, 1024);
        LineReader.Result first = reader.next();
        assertThat(first).isInstanceOfSatisfying(LineReader.Line.class, l -> assertThat(l.length()).isEqualTo(10_000));
        assertThat(reader.capacity()).isGreaterThan(10_000);
        LineReader.Result second = reader.next();
        assertThat(second).isInstanceOfSatisfying(LineReader.Line.class, l -> assertThat(
                new String(l.buffer(), l.offset(), l.length(), StandardCharsets.US_ASCII)).isEqualTo("small"));
        assertThat(reader.capacity()).isEqualTo(16);
    }

    @Test
    void reportsEndOfStreamRepeatedly() throws IOException {
        LineReader reader = reader("", 10, 16, 16);
        assertThat(reader.next()).isInstanceOf(LineReader.EndOfStream.class);
        assertThat(reader.next()).isInstanceOf(LineReader.EndOfStream.class);
    }
}
