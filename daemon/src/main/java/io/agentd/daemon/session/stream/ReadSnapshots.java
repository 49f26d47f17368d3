package io.agentd.daemon.session.stream;

import static io.agentd.daemon.session.stream.JsonFields.node;
import static io.agentd.daemon.session.stream.JsonFields.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * File snapshots of {@code Read} tool calls (hld's {@code captureFileSnapshot}).
 *
 * <ul>
 *   <li>Full read (input without {@code limit}/{@code offset}): the file text Claude saw. The
 *       CLI's own {@code tool_use_result.file.content} is used when it is there and names the same
 *       file: it is the exact text, with no numbering to undo. Otherwise the numbered tool-result
 *       text is un-numbered as hld does: per line, the text after the first {@code →} when it is
 *       not at index 0. CLI 2.1.x numbers lines as {@code N<TAB>text} instead, which hld's rule
 *       drops entirely; a {@code N<TAB>} prefix is therefore accepted too.</li>
 *   <li>Partial read: the whole file from disk (a relative path joined with the working dir), as
 *       long as it exists and is at most 10 MB; a larger file falls back to the text of the read.</li>
 * </ul>
 * Callers pass only successful results of calls to the {@code Read} tool.
 */
public final class ReadSnapshots {
    /** Larger files are not read from disk; the snapshot keeps what the read returned. */
    public static final long MAX_DISK_READ_BYTES = 10L * 1024 * 1024;

    private static final char ARROW = '\u2192';
    private static final Pattern TAB_NUMBERED = Pattern.compile("^\\s*\\d+\\t");

    private ReadSnapshots() {
    }

    /** Snapshot without the CLI's structured {@code tool_use_result}. */
    public static Optional<FileSnapshot> snapshot(String toolInputJson, String toolResultContent, Path workingDir) {
        return snapshot(toolInputJson, toolResultContent, MissingNode.getInstance(), workingDir);
    }

    /**
     * @param toolInputJson the Read call's input ({@code {"file_path": ..., "offset"?, "limit"?}})
     * @param toolResultContent the tool result text ({@link ContentBlock.ToolResult#content()})
     * @param toolUseResult the user event's {@code tool_use_result}; {@code MissingNode} if absent
     * @param workingDir the session's working directory, for relative paths
     * @return empty when the input has no {@code file_path}, or a partial read's file is unreadable
     */
    public static Optional<FileSnapshot> snapshot(
            String toolInputJson, String toolResultContent, JsonNode toolUseResult, Path workingDir) {
        JsonNode input = parseObject(toolInputJson);
        String filePath = text(input, "file_path");
        if (filePath.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> structured = structuredContent(toolUseResult, filePath, workingDir);
        String readText = structured.orElseGet(() -> unnumber(toolResultContent == null ? "" : toolResultContent));
        if (!isPartial(input)) {
            return Optional.of(new FileSnapshot(filePath, readText));
        }
        return fromDisk(filePath, workingDir, readText).map(content -> new FileSnapshot(filePath, content));
    }

    /** The file text inside a numbered Read result ({@code "   12→text"} or {@code "12\ttext"} lines). */
    public static String unnumber(String toolResultContent) {
        StringJoiner kept = new StringJoiner("\n");
        for (String line : toolResultContent.split("\n", -1)) {
            int arrow = line.indexOf(ARROW);
            if (arrow > 0) {
                kept.add(line.substring(arrow + 1));
                continue;
            }
            Matcher tab = TAB_NUMBERED.matcher(line);
            if (tab.find()) {
                kept.add(line.substring(tab.end()));
            }
        }
        return kept.toString();
    }

    private static boolean isPartial(JsonNode input) {
        return isPresent(node(input, "limit")) || isPresent(node(input, "offset"));
    }

    private static boolean isPresent(JsonNode value) {
        return !value.isMissingNode() && !value.isNull();
    }

    private static Optional<String> structuredContent(JsonNode toolUseResult, String filePath, Path workingDir) {
        JsonNode file = node(toolUseResult, "file");
        JsonNode content = node(file, "content");
        if (!content.isString() || !samePath(text(file, "filePath"), filePath, workingDir)) {
            return Optional.empty();
        }
        return Optional.of(content.stringValue());
    }

    private static boolean samePath(String reported, String requested, Path workingDir) {
        if (reported.equals(requested)) {
            return true;
        }
        try {
            return resolve(reported, workingDir).equals(resolve(requested, workingDir));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static Optional<String> fromDisk(String filePath, Path workingDir, String readText) {
        try {
            Path path = resolve(filePath, workingDir);
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            if (Files.size(path) > MAX_DISK_READ_BYTES) {
                return Optional.of(readText);
            }
            // Decoding with replacement: a file that is not valid UTF-8 still gets a snapshot.
            return Optional.of(new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException | InvalidPathException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static Path resolve(String filePath, Path workingDir) {
        Path path = Path.of(filePath);
        if (!path.isAbsolute() && workingDir != null) {
            path = workingDir.resolve(path);
        }
        return path.toAbsolutePath().normalize();
    }

    private static JsonNode parseObject(String json) {
        if (json == null) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = JsonMappers.READER.readTree(json);
            return node != null && node.isObject() ? node : MissingNode.getInstance();
        } catch (RuntimeException e) {
            return MissingNode.getInstance();
        }
    }
}
