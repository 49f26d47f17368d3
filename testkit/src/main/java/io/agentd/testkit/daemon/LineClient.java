package io.agentd.testkit.daemon;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A raw newline-delimited JSON-RPC client over a real Unix socket, for daemon integration tests. */
public final class LineClient implements AutoCloseable {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final SocketChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final AtomicLong ids = new AtomicLong();

    private LineClient(SocketChannel channel) {
        this.channel = channel;
        buffer.flip();
    }

    public static LineClient connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new LineClient(channel);
    }

    /** Sends a request with a fresh numeric id and returns the whole response envelope. */
    public JsonNode call(String method, Object params) throws IOException {
        long id = ids.incrementAndGet();
        Map<String, Object> request = params == null
                ? Map.of("jsonrpc", "2.0", "method", method, "id", id)
                : Map.of("jsonrpc", "2.0", "method", method, "params", params, "id", id);
        send(MAPPER.writeValueAsString(request));
        while (true) {
            JsonNode response = MAPPER.readTree(readLine());
            if (response.path("id").asLong(-1) == id) {
                return response;
            }
        }
    }

    /** Calls and returns {@code result}, failing on an error response. */
    public JsonNode result(String method, Object params) throws IOException {
        JsonNode response = call(method, params);
        if (response.has("error")) {
            throw new AssertionError(method + " failed: " + response.get("error"));
        }
        return response.get("result");
    }

    public void send(String line) throws IOException {
        ByteBuffer out = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    public String readLine() throws IOException {
        while (true) {
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    String line = pending.toString(StandardCharsets.UTF_8);
                    pending.reset();
                    return line;
                }
                pending.write(b);
            }
            buffer.clear();
            int n = channel.read(buffer);
            buffer.flip();
            if (n < 0) {
                throw new IOException("connection closed by the daemon");
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
