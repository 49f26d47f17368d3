package io.agentd.daemon.session.process;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Claude argv in hld's order. Always a list handed to {@code exec}, never a string a shell
 * would interpret, and the query comes after {@code --}, so no query can become an option.
 */
public final class ClaudeCommand {
    private ClaudeCommand() {
    }

    public static List<String> argv(ClaudeInvocation i) {
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
            argv.add("--system-prompt");
            argv.add(i.systemPrompt());
        }
        if (present(i.appendSystemPrompt())) {
            argv.add("--append-system-prompt");
            argv.add(i.appendSystemPrompt());
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
        argv.add("--");
        argv.add(i.query());
        return argv;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
