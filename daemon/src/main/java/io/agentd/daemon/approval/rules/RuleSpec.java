package io.agentd.daemon.approval.rules;

import io.agentd.daemon.error.AgentdException;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A rule's target in Claude Code's permission syntax: a tool ({@code Bash}, {@code mcp__github__*}) and,
 * for some tools, a specifier on its input in parentheses ({@code Bash(git status:*)}, {@code Edit(src/**)},
 * {@code WebFetch(domain:example.com)}).
 *
 * <p>Tool names are exact or globs with {@code *}. As in Claude Code, {@code Edit(...)} covers every tool
 * that edits files and {@code Read(...)} every tool that reads them. Specifiers are accepted only where they
 * have a meaning here (Bash, the file tools, WebFetch); anything else is refused when the rule is made rather
 * than silently matching nothing.
 *
 * @param text        the rule as written, whitespace-trimmed
 * @param toolPattern the tool part
 * @param specifier   the part in parentheses, if any
 */
public record RuleSpec(String text, String toolPattern, Optional<InputMatcher> specifier) {
    /** The tools Claude Code counts as editing files; {@code Edit(...)} rules cover them all. */
    public static final Set<String> EDIT_TOOLS = Set.of("Edit", "Write", "MultiEdit", "NotebookEdit");
    /** The tools that only read files; {@code Read(...)} rules cover them all. */
    public static final Set<String> READ_TOOLS = Set.of("Read", "Glob", "Grep", "LS");
    private static final Set<String> PATH_TOOLS = Set.of("Edit", "Write", "MultiEdit", "NotebookEdit", "Read",
            "Glob", "Grep", "LS");
    private static final Pattern TOOL = Pattern.compile("[A-Za-z0-9_*.\\-]+");
    private static final int MAX_LENGTH = 4096;

    public RuleSpec {
        requireNonNull(text, "text is null");
        requireNonNull(toolPattern, "toolPattern is null");
        requireNonNull(specifier, "specifier is null");
    }

    /** Parses {@code Tool} or {@code Tool(specifier)}; a malformed rule is an invalid-params error. */
    public static RuleSpec parse(String rule) {
        if (rule == null || rule.isBlank()) {
            throw AgentdException.invalidParams("rule is required, e.g. \"Bash(git status:*)\"");
        }
        String text = rule.strip();
        if (text.length() > MAX_LENGTH) {
            throw AgentdException.invalidParams("rule is longer than " + MAX_LENGTH + " characters");
        }
        int open = text.indexOf('(');
        String tool = open < 0 ? text : text.substring(0, open).strip();
        if (!TOOL.matcher(tool).matches()) {
            throw AgentdException.invalidParams("rule '" + text + "' does not start with a tool name"
                    + " (letters, digits, _ - . and * only)");
        }
        if (open < 0) {
            return new RuleSpec(text, tool, Optional.empty());
        }
        if (!text.endsWith(")")) {
            throw AgentdException.invalidParams("rule '" + text + "' opens '(' but does not end with ')'");
        }
        String inner = text.substring(open + 1, text.length() - 1).strip();
        if (inner.isEmpty() || inner.equals("*")) {
            // Claude Code treats Tool() and Tool(*) as the whole tool.
            return new RuleSpec(text, tool, Optional.empty());
        }
        return new RuleSpec(text, tool, Optional.of(specifierFor(text, tool, inner)));
    }

    private static InputMatcher specifierFor(String text, String tool, String inner) {
        if (tool.equals("Bash")) {
            return InputMatcher.Command.of(inner);
        }
        if (PATH_TOOLS.contains(tool)) {
            return new InputMatcher.PathPattern(inner);
        }
        if (tool.equals("WebFetch")) {
            if (!inner.startsWith("domain:") || inner.length() == "domain:".length()) {
                throw AgentdException.invalidParams("rule '" + text + "': WebFetch takes domain:<host>");
            }
            return new InputMatcher.Domain(inner.substring("domain:".length()).strip());
        }
        throw AgentdException.invalidParams("rule '" + text + "': " + tool
                + " takes no specifier here; specifiers work for Bash, Read, Edit, Write, MultiEdit, NotebookEdit,"
                + " Glob, Grep and WebFetch");
    }

    /** True when this rule's tool part names {@code toolName}, directly, by glob, or as Edit/Read family. */
    public boolean coversTool(String toolName) {
        if (toolPattern.equals(toolName)) {
            return true;
        }
        if (toolPattern.equals("Edit") && EDIT_TOOLS.contains(toolName)) {
            return true;
        }
        if (toolPattern.equals("Read") && READ_TOOLS.contains(toolName)) {
            return true;
        }
        if (toolPattern.indexOf('*') < 0) {
            return false;
        }
        return toolGlob(toolPattern).matcher(toolName).matches();
    }

    /** The regex of a tool glob: {@code *} is any run of characters, everything else is literal. */
    static Pattern toolGlob(String toolPattern) {
        StringBuilder re = new StringBuilder();
        for (String piece : toolPattern.split("\\*", -1)) {
            if (!re.isEmpty()) {
                re.append(".*");
            }
            re.append(Pattern.quote(piece));
        }
        return Pattern.compile(re.toString());
    }
}
