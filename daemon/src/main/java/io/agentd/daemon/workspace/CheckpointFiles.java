package io.agentd.daemon.workspace;

import io.agentd.daemon.error.AgentdException;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the service keeps what it needs to find a checkpoint again after a daemon restart: one small
 * properties file per session under {@code <state>/checkpoints/}, and the manifests of scans under
 * {@code <state>/manifests/}.
 */
final class CheckpointFiles {
    private final Path state;

    CheckpointFiles(Path state) {
        this.state = state;
    }

    Path manifest(String sessionId, String which) {
        return state.resolve("manifests").resolve(SessionIds.require(sessionId) + "." + which + ".gz");
    }

    void save(Checkpoint c) {
        Properties p = new Properties();
        p.setProperty("kind", c.kind().name());
        p.setProperty("dir", c.dir().toString());
        p.setProperty("repoRoot", c.repoRoot().toString());
        p.setProperty("commit", c.commit());
        p.setProperty("tree", c.tree());
        p.setProperty("createdAt", c.createdAt().toString());
        Path file = file(c.sessionId());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "agentd checkpoint of session " + c.sessionId());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw AgentdException.unavailable("cannot record checkpoint of " + c.sessionId() + ": " + e.getMessage());
        }
    }

    Optional<Checkpoint> find(String sessionId) {
        Path file = file(sessionId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return Optional.of(new Checkpoint(sessionId, Checkpoint.Kind.valueOf(p.getProperty("kind")),
                    Path.of(p.getProperty("dir")), Path.of(p.getProperty("repoRoot")), p.getProperty("commit"),
                    p.getProperty("tree"), Instant.parse(p.getProperty("createdAt"))));
        } catch (IOException | RuntimeException e) {
            throw AgentdException.internal("unreadable checkpoint record of " + sessionId, e);
        }
    }

    java.util.List<String> sessionIds() {
        Path dir = state.resolve("checkpoints");
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (var s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".properties"))
                    .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList();
        } catch (IOException e) {
            return java.util.List.of();
        }
    }

    void delete(String sessionId) {
        try {
            Files.deleteIfExists(file(sessionId));
            Files.deleteIfExists(manifest(sessionId, "before"));
            Files.deleteIfExists(manifest(sessionId, "end"));
        } catch (IOException e) {
            throw AgentdException.unavailable("cannot delete checkpoint record of " + sessionId + ": " + e.getMessage());
        }
    }

    private Path file(String sessionId) {
        return state.resolve("checkpoints").resolve(SessionIds.require(sessionId) + ".properties");
    }
}
