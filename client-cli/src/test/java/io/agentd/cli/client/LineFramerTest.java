package io.agentd.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineFramerTest {
    private final LineFramer framer = new LineFramer();

    @Test
    void joinsALineSplitAcrossChunks() {
        assertThat(feed("{\"a\":")).isEmpty();
        assertThat(feed("1}\n{\"b\"")).containsExactly("{\"a\":1}");
        assertThat(framer.pendingBytes()).isEqualTo(4);
        assertThat(feed(":2}\n")).containsExactly("{\"b\":2}");
        assertThat(framer.pendingBytes()).isZero();
    }

    @Test
    void returnsEveryLineOfAChunkInOrderIncludingEmptyOnes() {
        assertThat(feed("one\n\ntwo\nthree")).containsExactly("one", "", "two");
        assertThat(feed("\n")).containsExactly("three");
    }

    @Test
    void keepsMultiByteCharactersThatStraddleChunks() {
        byte[] bytes = "é—\n".getBytes(StandardCharsets.UTF_8);
        List<byte[]> first = framer.feed(ByteBuffer.wrap(Arrays.copyOfRange(bytes, 0, 3)));
        List<byte[]> second = framer.feed(ByteBuffer.wrap(Arrays.copyOfRange(bytes, 3, bytes.length)));
        assertThat(first).isEmpty();
        assertThat(new String(second.getFirst(), StandardCharsets.UTF_8)).isEqualTo("é—");
    }

    @Test
    void hasNoLineLengthLimit() {
        String big = "x".repeat(12 * 1024 * 1024);
        for (int i = 0; i < big.length(); i += 65_536) {
            assertThat(feed(big.substring(i, Math.min(big.length(), i + 65_536)))).isEmpty();
        }
        assertThat(feed("\n")).singleElement().extracting(String::length).isEqualTo(big.length());
    }

    private List<String> feed(String text) {
        return framer.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))).stream()
                .map(b -> new String(b, StandardCharsets.UTF_8))
                .toList();
    }
}
