package io.agentd.daemon.http.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads Linux's {@code /proc/net/tcp} and {@code /proc/net/tcp6}: one line per TCP socket with its local and
 * remote address, state, owner uid and inode. Addresses are hex in the kernel's byte order (each 32-bit word
 * as the CPU stores it), ports hex in network order: {@code 0100007F:1F61} is 127.0.0.1:8033 on x86.
 */
public final class ProcNetTcp {
    /**
     * One socket.
     *
     * @param uid the socket's owner: the user of the process that created it
     */
    public record Entry(InetSocketAddress local, InetSocketAddress remote, int uid, long inode) {
    }

    private ProcNetTcp() {
    }

    /** Parses a file's text; lines that do not parse (the header among them) are skipped. */
    public static List<Entry> parse(String text, ByteOrder order) {
        List<Entry> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            // sl local rem st tx:rx tr:when retrnsmt uid timeout inode ...
            if (f.length < 10 || !f[0].endsWith(":")) {
                continue;
            }
            try {
                out.add(new Entry(address(f[1], order), address(f[2], order), Integer.parseInt(f[7]), Long.parseLong(f[9])));
            } catch (IllegalArgumentException | UnknownHostException e) {
                // not a socket line
            }
        }
        return out;
    }

    /**
     * The uid owning the socket whose local end is {@code peer} and remote end {@code server}: the client's
     * side of a connection the server accepted. IPv4-mapped IPv6 addresses match their IPv4 form, so a
     * client in {@code tcp} is found for a server that sees it as {@code ::ffff:127.0.0.1}.
     */
    public static Optional<Integer> ownerOf(List<Entry> entries, InetSocketAddress peer, InetSocketAddress server) {
        for (Entry e : entries) {
            if (same(e.local(), peer) && same(e.remote(), server)) {
                return Optional.of(e.uid());
            }
        }
        return Optional.empty();
    }

    static InetSocketAddress address(String hexAddressAndPort, ByteOrder order) throws UnknownHostException {
        int colon = hexAddressAndPort.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("no port in " + hexAddressAndPort);
        }
        byte[] raw = HexFormat.of().parseHex(hexAddressAndPort.substring(0, colon));
        if (raw.length != 4 && raw.length != 16) {
            throw new IllegalArgumentException("bad address length in " + hexAddressAndPort);
        }
        // Each 32-bit word was printed as an int in the CPU's order: swap back word by word.
        ByteBuffer in = ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(raw.length).order(ByteOrder.BIG_ENDIAN);
        while (in.hasRemaining()) {
            int word = in.getInt();
            out.putInt(order == ByteOrder.LITTLE_ENDIAN ? Integer.reverseBytes(word) : word);
        }
        int port = Integer.parseInt(hexAddressAndPort.substring(colon + 1), 16);
        return new InetSocketAddress(InetAddress.getByAddress(out.array()), port);
    }

    private static boolean same(InetSocketAddress a, InetSocketAddress b) {
        return a.getPort() == b.getPort() && ipv4(a.getAddress()).equals(ipv4(b.getAddress()));
    }

    /** {@code ::ffff:a.b.c.d} as {@code a.b.c.d}, so both sides of a dual-stack connection compare equal. */
    private static InetAddress ipv4(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            mapped &= b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    return address;
                }
            }
        }
        return address;
    }
}
