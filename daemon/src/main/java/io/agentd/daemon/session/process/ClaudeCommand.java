package io.agentd.daemon.session.process;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Claude argv in hld's order. Always a list handed to {@code exec}, never a string a shell
 * would interpret, and the query comes after {@code --}, so no query can become an option.
 */
public final class ClaudeCommand {
    private ClaudeCommand() {
    }

    /** The largest value passed as one argv element; larger ones go through files. */
    public static final int INLINE_BYTES = 100_000;

    /**
     * What to run: the argv, and the files to write into the spool before (file to content).
     */
    public record Plan(List<String> argv, Map<Path, String> files) {
        public Plan {
            argv = List.copyOf(argv);
            files = Map.copyOf(files);
        }
    }

    /** Every value inline: for invocations known to be small. */
    public static List<String> argv(ClaudeInvocation i) {
        return build(i, null).argv();
    }

    /** The command for {@code i}, with large values moved into files of {@code spool}. */
    public static Plan plan(ClaudeInvocation i, SpoolPaths spool) {
        return build(i, spool);
    }

    private static Plan build(ClaudeInvocation i, SpoolPaths spool) {
        Map<Path, String> files = new LinkedHashMap<>();
        List<String> argv = new ArrayList<>();
        argv.add(i.binary().toString());
        if (present(i.resumeClaudeSessionId())) {
            argv.add("--resume");
            argv.add(i.resumeClaudeSessionId());
            argv.add("--fork-session");
        }
        if (present(i.model())) {
            argv.add("--model");
            argv.add(i.model());
        }
        argv.add("--output-format");
        argv.add("stream-json");
        argv.add("--verbose");
        if (i.mcpConfig() != null) {
            argv.add("--mcp-config");
            argv.add(i.mcpConfig().toString());
        }
        if (present(i.permissionPromptTool())) {
            argv.add("--permission-prompt-tool");
            argv.add(i.permissionPromptTool());
        }
        if (i.maxTurns() != null && i.maxTurns() > 0) {
            argv.add("--max-turns");
            argv.add(Integer.toString(i.maxTurns()));
        }
        if (present(i.systemPrompt())) {
            if (spool != null && large(i.systemPrompt())) {
                files.put(spool.systemPrompt(), i.systemPrompt());
                argv.add("--system-prompt-file");
                argv.add(spool.systemPrompt().toString());
            } else {
                argv.add("--system-prompt");
                argv.add(i.systemPrompt());
            }
        }
        if (present(i.appendSystemPrompt())) {
            if (spool != null && large(i.appendSystemPrompt())) {
                files.put(spool.appendSystemPrompt(), i.appendSystemPrompt());
                argv.add("--append-system-prompt-file");
                argv.add(spool.appendSystemPrompt().toString());
            } else {
                argv.add("--append-system-prompt");
                argv.add(i.appendSystemPrompt());
            }
        }
        if (!i.allowedTools().isEmpty()) {
            argv.add("--allowedTools");
            argv.add(String.join(",", i.allowedTools()));
        }
        if (!i.disallowedTools().isEmpty()) {
            argv.add("--disallowedTools");
            argv.add(String.join(",", i.disallowedTools()));
        }
        for (String dir : i.additionalDirectories()) {
            argv.add("--add-dir");
            argv.add(dir);
        }
        argv.add("--print");
        if (spool != null && large(i.query())) {
            // The spool wrapper feeds this file to Claude's stdin.
            files.put(spool.query(), i.query());
        } else {
            argv.add("--");
            argv.add(i.query());
        }
        return new Plan(argv, files);
    }

    private static boolean large(String s) {
        return (long) s.length() * 3 > INLINE_BYTES && s.getBytes(StandardCharsets.UTF_8).length > INLINE_BYTES;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
