package io.agentd.daemon.rpc;

import io.agentd.daemon.json.JsonMappers;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/** A raw newline-delimited JSON client over a real Unix socket, reading with the production line splitter. */
final class RpcTestClient implements AutoCloseable {
    private final SocketChannel channel;
    private final LineReader reader;

    private RpcTestClient(SocketChannel channel) {
        this.channel = channel;
        this.reader = new LineReader(channel, Integer.MAX_VALUE - 16);
    }

    static RpcTestClient connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new RpcTestClient(channel);
    }

    /** Writes the text as is (add the newline yourself). */
    void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    void write(byte[] bytes) throws IOException {
        ByteBuffer data = ByteBuffer.wrap(bytes);
        while (data.hasRemaining()) {
            channel.write(data);
        }
    }

    /** The next line, or null at end of stream. */
    String readLine() throws IOException {
        return switch (reader.next()) {
            case LineReader.Line line ->
                    new String(line.buffer(), line.offset(), line.length(), StandardCharsets.UTF_8);
            case LineReader.EndOfStream ignored -> null;
            case LineReader.Oversized ignored -> throw new IllegalStateException("line too long");
        };
    }

    /** Sends one line and returns the raw response line. */
    String call(String request) throws IOException {
        write(request + "\n");
        return readLine();
    }

    JsonNode callJson(String request) throws IOException {
        return JsonMappers.daemon().readTree(call(request));
    }

    /** Half-closes so the server sees end of stream while we can still read. */
    void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
