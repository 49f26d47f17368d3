package io.agentd.cli.client;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a byte stream into newline-terminated lines of any length.
 *
 * <p>The daemon may answer with a single line of many megabytes (a whole conversation), so the
 * partial line grows without a fixed cap; the bytes are kept raw and decoded by the JSON parser.
 */
final class LineFramer {
    private ByteArrayOutputStream partial = new ByteArrayOutputStream(8192);

    /** Consumes every remaining byte of {@code chunk} and returns the lines it completed, without the newline. */
    List<byte[]> feed(ByteBuffer chunk) {
        List<byte[]> lines = new ArrayList<>();
        // Copy runs between newlines in bulk: a conversation line can be tens of megabytes.
        byte[] bytes = new byte[chunk.remaining()];
        chunk.get(bytes);
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                partial.write(bytes, start, i - start);
                lines.add(partial.toByteArray());
                partial = new ByteArrayOutputStream(8192);
                start = i + 1;
            }
        }
        partial.write(bytes, start, bytes.length - start);
        return lines;
    }

    /** Bytes received after the last newline. */
    int pendingBytes() {
        return partial.size();
    }
}
