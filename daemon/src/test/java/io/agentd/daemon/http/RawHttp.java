package io.agentd.daemon.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a plain socket: unlike {@code java.net.http}, it sends any {@code Host} and
 * {@code Origin} a browser or an attacker could, and shows the exact status and headers.
 */
public final class RawHttp {
    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** The response: status, lower-cased header names, body text. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public Response get(String path, String... headers) throws IOException {
        return send("GET", path, null, headers);
    }

    /** Sends one request on a new connection ({@code Connection: close}); {@code headers} are "Name: value". */
    public Response send(String method, String path, byte[] body, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        boolean hostGiven = false;
        for (String h : headers) {
            hostGiven |= h.toLowerCase(Locale.ROOT).startsWith("host:");
            head.append(h).append("\r\n");
        }
        if (!hostGiven) {
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    socket.getOutputStream().write(body);
                } catch (IOException e) {
                    // the server may answer (413) and close before reading everything
                }
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (out.size() == 0) {
                throw e;
            }
            // a reset after the answer (the server closed with unread input): keep what came
        }
        return out.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no HTTP response: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        return new Response(status, headers, text.substring(end + 4));
    }
}
