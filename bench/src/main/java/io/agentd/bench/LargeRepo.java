package io.agentd.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Generates, deterministically, the large git repository the workspace benchmark runs on: {@code files} files
 * (source-like text, one in fifty binary) in directories of 100, sizes drawn so the whole tree is about
 * {@code totalBytes}, committed once; then {@link #touch} dirties it the way a session does. Generated data is
 * never committed to this project. Also runnable on its own:
 * {@code java bench/src/main/java/io/agentd/bench/LargeRepo.java DIR [FILES] [TOTAL_MB]}.
 */
public final class LargeRepo {
    private static final String[] WORDS = {"final", "var", "return", "if", "else", "for", "while", "class", "record",
            "interface", "public", "private", "static", "void", "int", "long", "String", "List", "Map", "new",
            "null", "true", "false", "this", "throw", "try", "catch", "import", "package", "switch", "case",
            "session", "workspace", "checkpoint", "diff", "tree", "index", "path", "size", "count", "=", "+", "(",
            ")", "{", "}", ";", ".", ",", "->", "0", "1", "42", "value", "result", "request", "response"};

    private LargeRepo() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        long total = (args.length > 2 ? Long.parseLong(args[2]) : 1024) * 1024 * 1024;
        long t0 = System.nanoTime();
        long bytes = generate(dir, files, total);
        System.out.printf(Locale.ROOT, "generated %d files, %d MB in %.1f s%n", files, bytes >> 20,
                (System.nanoTime() - t0) / 1e9);
    }

    /** Writes and commits the tree; returns the bytes written. Reuses {@code dir} when it is already complete. */
    public static long generate(Path dir, int files, long totalBytes) throws IOException, InterruptedException {
        Path done = dir.resolve(".git/agentd-bench-complete");
        if (Files.exists(done)) {
            return Long.parseLong(Files.readString(done).trim());
        }
        Files.createDirectories(dir);
        git(dir, "init", "-q");
        Files.writeString(dir.resolve(".gitignore"), "build/\n*.log\n");
        SplittableRandom random = new SplittableRandom(18);
        long mean = totalBytes / files;
        long written = 0;
        byte[] buffer = new byte[(int) Math.min(Integer.MAX_VALUE - 16, mean * 8)];
        for (int i = 0; i < files; i++) {
            Path file = fileAt(dir, i);
            if (i % 100 == 0) {
                Files.createDirectories(file.getParent());
            }
            // Sizes from 0.2x to 1.8x the mean keep the total near the target.
            int size = (int) (mean * (0.2 + 1.6 * random.nextDouble()));
            boolean binary = i % 50 == 49;
            fill(buffer, size, binary, random);
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(buffer, 0, size);
            }
            written += size;
        }
        Files.createDirectories(dir.resolve("build"));
        Files.writeString(dir.resolve("build/ignored.txt"), "ignored\n");
        git(dir, "add", "-A");
        git(dir, "-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "-q", "-m", "generated");
        Files.writeString(done, Long.toString(written));
        return written;
    }

    /** Path of the i-th generated file. */
    public static Path fileAt(Path dir, int i) {
        String ext = i % 50 == 49 ? ".bin" : ".java";
        return dir.resolve(String.format(Locale.ROOT, "src/d%04d/f%06d%s", i / 100, i, ext));
    }

    /**
     * Dirties the tree as a session would: modifies {@code n} files (a line appended), deletes {@code n} and
     * creates {@code n} new ones. Returns the paths touched, relative to {@code dir}.
     */
    public static List<String> touch(Path dir, int files, int n, int round) throws IOException {
        List<String> touched = new ArrayList<>();
        int stride = Math.max(1, files / (3 * n));
        for (int k = 0; k < n; k++) {
            Path modified = fileAt(dir, (k * 3 * stride + round) % files);
            if (Files.exists(modified)) {
                Files.writeString(modified, "// touched in round " + round + "\n",
                        java.nio.file.StandardOpenOption.APPEND);
                touched.add(dir.relativize(modified).toString());
            }
            Path deleted = fileAt(dir, (k * 3 * stride + 1 + round) % files);
            if (Files.deleteIfExists(deleted)) {
                touched.add(dir.relativize(deleted).toString());
            }
            Path created = dir.resolve(String.format(Locale.ROOT, "new/r%d/n%05d.txt", round, k));
            Files.createDirectories(created.getParent());
            Files.writeString(created, "created in round " + round + "\n");
            touched.add(dir.relativize(created).toString());
        }
        return touched;
    }

    private static void fill(byte[] buffer, int size, boolean binary, SplittableRandom random) {
        if (binary) {
            for (int i = 0; i < size; i++) {
                buffer[i] = (byte) random.nextInt(256);
            }
            return;
        }
        int i = 0;
        int column = 0;
        while (i < size) {
            byte[] word = WORDS[random.nextInt(WORDS.length)].getBytes(StandardCharsets.US_ASCII);
            for (int j = 0; j < word.length && i < size; j++) {
                buffer[i++] = word[j];
            }
            column += word.length + 1;
            if (i < size) {
                buffer[i++] = (byte) (column > 80 ? '\n' : ' ');
                if (column > 80) {
                    column = 0;
                }
            }
        }
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("git", "-C", dir.toString()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).inheritIO().start();
        if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed in " + dir);
        }
    }
}
