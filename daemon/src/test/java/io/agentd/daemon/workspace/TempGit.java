package io.agentd.daemon.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs real commands in a test's temporary repository, as a user at a terminal would. */
final class TempGit {
    private TempGit() {
    }

    static Path init(Path dir) throws IOException {
        Files.createDirectories(dir);
        run(dir, "git", "init", "-q", "-b", "main");
        run(dir, "git", "config", "user.name", "Test User");
        run(dir, "git", "config", "user.email", "test@localhost");
        run(dir, "git", "config", "commit.gpgsign", "false");
        return dir;
    }

    static void write(Path dir, String path, String content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    static void commitAll(Path dir, String message) {
        run(dir, "git", "add", "-A");
        run(dir, "git", "commit", "-q", "-m", message);
    }

    static String run(Path dir, String... argv) {
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(argv))).directory(dir.toFile())
                    .redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new AssertionError(String.join(" ", argv) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
