package io.agentd.daemon.http.security;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcNetTcpTest {
    private static String sample() throws IOException {
        try (InputStream in = ProcNetTcpTest.class.getResourceAsStream("tcp.sample")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void parsesLittleEndianAddressesAndFindsTheClientsOwner() throws IOException {
        List<ProcNetTcp.Entry> entries = ProcNetTcp.parse(sample(), ByteOrder.LITTLE_ENDIAN);
        assertThat(entries).hasSize(3);
        assertThat(entries.getFirst().local()).isEqualTo(new InetSocketAddress("127.0.0.1", 7777));
        InetSocketAddress client = new InetSocketAddress("127.0.0.1", 0xD2B0);
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", 7777);
        assertThat(ProcNetTcp.ownerOf(entries, client, server)).contains(65534);
        assertThat(ProcNetTcp.ownerOf(entries, server, client)).contains(0);
        assertThat(ProcNetTcp.ownerOf(entries, new InetSocketAddress("127.0.0.1", 1), server)).isEmpty();
    }

    @Test
    void ipv6LinesAndMappedAddressesMatch() throws Exception {
        // ::1 port 8080 in tcp6, little-endian words: 00000000 00000000 00000000 01000000
        String line = "   0: 00000000000000000000000001000000:1F90 0000000000000000FFFF00000100007F:1E61 01 0:0 0:0 0 1000 0 9 1\n";
        List<ProcNetTcp.Entry> entries = ProcNetTcp.parse(line, ByteOrder.LITTLE_ENDIAN);
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().local().getAddress().isLoopbackAddress()).isTrue();
        assertThat(entries.getFirst().remote()).isEqualTo(new InetSocketAddress("127.0.0.1", 7777));
        assertThat(entries.getFirst().uid()).isEqualTo(1000);
    }

    @Test
    void peerUidsRefuseOtherUsersAndUnknownPeers() throws IOException {
        Path file = Files.createTempFile("tcp", ".sample");
        Files.writeString(file, sample());
        try {
            PeerUids asRoot = new PeerUids(List.of(file), 0);
            InetSocketAddress server = new InetSocketAddress("127.0.0.1", 7777);
            assertThat(asRoot.check(new InetSocketAddress("127.0.0.1", 0xD2B0), server)).isEqualTo(PeerUids.Verdict.OTHER_USER);
            assertThat(new PeerUids(List.of(file), 65534).check(new InetSocketAddress("127.0.0.1", 0xD2B0), server))
                    .isEqualTo(PeerUids.Verdict.SAME_USER);
            assertThat(asRoot.check(new InetSocketAddress("127.0.0.1", 9), server).allowed()).isFalse();
            assertThat(new PeerUids(List.of(Path.of("/nonexistent")), 0).check(new InetSocketAddress("127.0.0.1", 9), server))
                    .isEqualTo(PeerUids.Verdict.UNCHECKED);
        } finally {
            Files.delete(file);
        }
    }
}
