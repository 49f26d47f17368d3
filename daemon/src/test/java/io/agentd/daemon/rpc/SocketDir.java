package io.agentd.daemon.rpc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A short temporary directory under /tmp: Unix socket paths must stay under about 100 bytes. */
final class SocketDir implements AutoCloseable {
    private final Path root;

    SocketDir() throws IOException {
        this.root = Files.createTempDirectory(Path.of("/tmp"), "agentd-rpc");
    }

    Path root() {
        return root;
    }

    /** A socket path inside a not-yet-existing subdirectory, so the server creates it. */
    Path socket() {
        return root.resolve("run").resolve("d.sock");
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
