package io.agentd.daemon.approval.rules;

import io.agentd.daemon.json.JsonMappers;
import tools.jackson.databind.JsonNode;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The rule "approve and remember" creates when the person names none: for Bash the command's first word,
 * or its first two when the second is a subcommand ({@code git status} becomes {@code Bash(git status:*)});
 * for a file tool its file's folder ({@code Edit(src/**)}, or {@code //abs/folder/**} outside the project);
 * for anything else the tool's name. A Bash line that is compound or unverifiable remembers only its first
 * command, which still cannot allow the whole line (every part must be allowed).
 */
public final class RememberedRule {
    private RememberedRule() {
    }

    /** The default rule for a call of {@code toolName} with {@code toolInputJson} in {@code workingDir}. */
    public static String derive(String toolName, String toolInputJson, Path workingDir) {
        JsonNode input;
        try {
            input = JsonMappers.daemon().readTree(toolInputJson);
        } catch (RuntimeException e) {
            return toolName;
        }
        if (input == null || !input.isObject()) {
            return toolName;
        }
        if (toolName.equals("Bash")) {
            JsonNode cmd = input.get("command");
            if (cmd == null || !cmd.isString()) {
                return toolName;
            }
            List<String> parts = ShellCommand.parse(cmd.asString()).parts();
            if (parts.isEmpty()) {
                return toolName;
            }
            String[] words = parts.getFirst().split(" ");
            String prefix = words.length > 1 && words[1].matches("[A-Za-z][A-Za-z0-9_.-]*")
                    ? words[0] + " " + words[1] : words[0];
            return "Bash(" + prefix + ":*)";
        }
        if (RuleSpec.EDIT_TOOLS.contains(toolName) || RuleSpec.READ_TOOLS.contains(toolName)) {
            for (String field : List.of("file_path", "notebook_path", "path")) {
                JsonNode v = input.get(field);
                if (v != null && v.isString() && !v.asString().isEmpty()) {
                    return toolName + "(" + folderGlob(v.asString(), workingDir) + ")";
                }
            }
        }
        return toolName;
    }

    private static String folderGlob(String raw, Path workingDir) {
        try {
            Path p = workingDir.resolve(raw).normalize();
            Path folder = p.getParent() == null ? p : p.getParent();
            if (folder.startsWith(workingDir)) {
                Path rel = workingDir.relativize(folder);
                return rel.toString().isEmpty() ? "**" : rel + "/**";
            }
            return "/" + folder + "/**";
        } catch (InvalidPathException e) {
            return "**";
        }
    }
}
