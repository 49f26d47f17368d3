package io.agentd.bench;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A minimal blocking NDJSON client: writes one request line, reads one answer line, with no JSON parsing,
 * so the figures are the server's and not a client library's.
 */
final class RawClient implements AutoCloseable {
    private final SocketChannel channel;
    private ByteBuffer in = ByteBuffer.allocate(1 << 16);

    private RawClient(SocketChannel channel) {
        this.channel = channel;
        in.flip();
    }

    static RawClient connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new RawClient(channel);
    }

    static byte[] request(String method, String params) {
        return ("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Sends {@code request} and returns the length of the answer line (without its newline). */
    long call(byte[] request) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(request);
        while (out.hasRemaining()) {
            channel.write(out);
        }
        return readLine(null);
    }

    /** Sends {@code request} and returns the answer line as text. */
    String callText(byte[] request) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(request);
        while (out.hasRemaining()) {
            channel.write(out);
        }
        StringBuilder text = new StringBuilder();
        readLine(text);
        return text.toString();
    }

    private long readLine(StringBuilder text) throws IOException {
        long length = 0;
        while (true) {
            while (in.hasRemaining()) {
                byte b = in.get();
                if (b == '\n') {
                    return length;
                }
                if (text != null) {
                    text.append((char) b);
                }
                length++;
            }
            in.clear();
            int n = channel.read(in);
            in.flip();
            if (n < 0) {
                throw new IOException("connection closed after " + length + " bytes of an answer");
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
