package io.agentd.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseOutputTest {
    /** Records each write; accepts at most {@code chunk} bytes per call, like a socket with a full buffer. */
    private static final class RecordingChannel implements WritableByteChannel {
        final List<Integer> writes = new ArrayList<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean broken;

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (broken) {
                throw new IOException("Broken pipe");
            }
            int n = Math.min(src.remaining(), 10_000);
            byte[] data = new byte[n];
            src.get(data);
            bytes.write(data, 0, n);
            writes.add(n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private final RecordingChannel channel = new RecordingChannel();
    private final ResponseOutput output = new ResponseOutput(channel);

    @Test
    void holdsASmallLineBackUntilItIsFinished() throws IOException {
        output.write("{\"result\":1}".getBytes());
        output.flush();

        assertThat(channel.writes).isEmpty();
        assertThat(output.sentAny()).isFalse();

        output.finishLine();
        assertThat(channel.bytes.toString()).isEqualTo("{\"result\":1}\n");
    }

    @Test
    void sendsALargeLineInPiecesOfTheHeldSize() throws IOException {
        byte[] line = new byte[ResponseOutput.HELD_BYTES * 3 + 17];
        Arrays.fill(line, (byte) 'a');

        output.write(line, 0, ResponseOutput.HELD_BYTES);
        assertThat(output.sentAny()).isFalse();
        output.write(line, ResponseOutput.HELD_BYTES, line.length - ResponseOutput.HELD_BYTES);
        assertThat(output.sentAny()).isTrue();
        output.finishLine();

        byte[] sent = channel.bytes.toByteArray();
        assertThat(sent).hasSize(line.length + 1);
        assertThat(sent[line.length]).isEqualTo((byte) '\n');
    }

    @Test
    void resetDropsWhatWasHeldBack() throws IOException {
        output.write("{\"jsonrpc\":\"2.0\",\"result\":[1,2".getBytes());
        output.reset();
        output.write("{\"error\":1}".getBytes());
        output.finishLine();

        assertThat(channel.bytes.toString()).isEqualTo("{\"error\":1}\n");
    }

    @Test
    void remembersTheSocketFailure() {
        channel.broken = true;

        assertThatThrownBy(() -> output.write(new byte[ResponseOutput.HELD_BYTES + 1])).isInstanceOf(IOException.class);
        assertThat(output.failure()).hasMessage("Broken pipe");
        assertThat(output.sentAny()).isFalse();
    }
}
