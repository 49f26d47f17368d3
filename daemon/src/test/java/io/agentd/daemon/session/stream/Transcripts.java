package io.agentd.daemon.session.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The recorded stdout of the real CLI: test resources under {@code transcripts/}, copied from recordings of the
 * pinned Claude Code CLI so the suite needs nothing outside the checkout.
 */
public final class Transcripts {
    private static final String RESOURCE = "/transcripts";
    private static final StreamJsonParser PARSER = new StreamJsonParser();

    private Transcripts() {
    }

    /** The fixture directory on the test class path (the module's test resources, copied by the build). */
    public static Path dir() {
        URL url = Transcripts.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("no " + RESOURCE + " on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read " + url, e);
        }
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
