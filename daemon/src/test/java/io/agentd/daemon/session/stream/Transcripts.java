package io.agentd.daemon.session.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The recorded stdout of the real CLI, shared by all modules under {@code shared/claude-code/transcripts}. */
public final class Transcripts {
    private static final Path RELATIVE = Path.of("shared", "claude-code", "transcripts");
    private static final StreamJsonParser PARSER = new StreamJsonParser();

    private Transcripts() {
    }

    /**
     * The fixture directory: next to the parent of {@code agentd.root} when that property is set,
     * else the first ancestor of the working directory that has it.
     */
    public static Path dir() {
        String root = System.getProperty("agentd.root");
        if (root != null && !root.isBlank()) {
            Path parent = Path.of(root).toAbsolutePath().getParent();
            if (parent != null && Files.isDirectory(parent.resolve(RELATIVE))) {
                return parent.resolve(RELATIVE);
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(RELATIVE))) {
                return dir.resolve(RELATIVE);
            }
        }
        throw new IllegalStateException("no " + RELATIVE + " above " + Path.of("").toAbsolutePath());
    }

    public static List<String> names() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses every line straight from the file's bytes, as the process reader will. */
    public static List<StreamEvent> events(String name) {
        byte[] data = bytes(name);
        List<StreamEvent> events = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i == data.length || data[i] == '\n') {
                if (i > start) {
                    events.add(PARSER.parse(data, start, i - start));
                }
                start = i + 1;
            }
        }
        return events;
    }

    static <T extends StreamEvent> List<T> ofType(List<StreamEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends StreamEvent> T single(List<StreamEvent> events, Class<T> type) {
        List<T> matches = ofType(events, type);
        if (matches.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", got " + matches.size());
        }
        return matches.getFirst();
    }

    public static List<ConversationEntry> entries(List<StreamEvent> events) {
        return events.stream().flatMap(e -> ConversationEntries.from(e).stream()).toList();
    }
}
