package io.agentd.daemon.session.stream;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Parses one stdout line of {@code claude --output-format stream-json} into a {@link StreamEvent}.
 *
 * <p>Never throws: a line that is not a JSON object becomes {@link StreamEvent.Malformed}, an
 * object of an unmodelled type {@link StreamEvent.Unknown}. Lines are parsed straight from the
 * reader's bytes, so multi-MB lines cost no extra copy; only a malformed line is turned into a
 * {@code String}. Stateless and thread-safe.
 */
public final class StreamJsonParser {

    /** Parses {@code length} bytes of UTF-8 JSON starting at {@code offset} (a trailing {@code \r} is fine). */
    public StreamEvent parse(byte[] line, int offset, int length) {
        try {
            JsonNode root = JsonMappers.READER.readTree(line, offset, length);
            return decode(root, () -> new String(line, offset, length, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // JacksonException is unchecked; bad offsets or a null array must not escape either.
            return malformed(safeString(line, offset, length), e);
        }
    }

    /** Parses one line given as text. */
    public StreamEvent parse(String line) {
        if (line == null) {
            return new StreamEvent.Malformed("", "no line");
        }
        try {
            JsonNode root = JsonMappers.READER.readTree(line);
            return decode(root, () -> line);
        } catch (RuntimeException e) {
            return malformed(line, e);
        }
    }

    private static StreamEvent decode(JsonNode root, Supplier<String> line) {
        if (root == null || root.isMissingNode()) {
            return new StreamEvent.Malformed(line.get(), "empty line");
        }
        if (!root.isObject()) {
            return new StreamEvent.Malformed(line.get(), "not a JSON object");
        }
        try {
            return EventDecoder.decode(root);
        } catch (RuntimeException e) {
            // The decoder is lenient by design; this only guards the reader thread against a bug.
            return new StreamEvent.Malformed(line.get(), "cannot decode event: " + e);
        }
    }

    private static StreamEvent malformed(String line, RuntimeException e) {
        String message = e instanceof JacksonException je ? je.getOriginalMessage() : e.toString();
        return new StreamEvent.Malformed(line, message == null ? e.getClass().getSimpleName() : message);
    }

    private static String safeString(byte[] line, int offset, int length) {
        if (line == null || offset < 0 || length < 0 || offset > line.length - length) {
            return "";
        }
        return new String(line, offset, length, StandardCharsets.UTF_8);
    }
}
