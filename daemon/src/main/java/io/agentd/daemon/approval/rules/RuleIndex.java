package io.agentd.daemon.approval.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * An immutable set of rules, indexed so that a tool call looks only at the rules that can concern it: by
 * scope (its session, the folders its working directory lies in, global) and then by tool name. With
 * thousands of rules, almost all belong to other sessions, other projects or other tools, and are never
 * touched. Rules whose tool part is a glob ({@code mcp__github__*}) are kept apart and checked one by one.
 */
public final class RuleIndex {
    private static final RuleIndex EMPTY = new RuleIndex(List.of());

    private final List<PermissionRule> all;
    private final Map<String, Bucket> bySession = new HashMap<>();
    private final Map<Path, Bucket> byProject = new HashMap<>();
    private final Bucket global = new Bucket();

    private RuleIndex(List<PermissionRule> rules) {
        this.all = List.copyOf(rules);
        for (PermissionRule r : all) {
            Bucket b = switch (r.scope()) {
                case RuleScope.Global g -> global;
                case RuleScope.Project p -> byProject.computeIfAbsent(p.dir(), k -> new Bucket());
                case RuleScope.Session s -> bySession.computeIfAbsent(s.sessionId(), k -> new Bucket());
            };
            b.add(r);
        }
    }

    /** The index of {@code rules}. */
    public static RuleIndex of(List<PermissionRule> rules) {
        return new RuleIndex(requireNonNull(rules, "rules is null"));
    }

    /** No rules. */
    public static RuleIndex empty() {
        return EMPTY;
    }

    /** Every rule, in the order given. */
    public List<PermissionRule> all() {
        return all;
    }

    /** The rules whose scope covers the call and whose tool part names its tool, active or not. */
    List<PermissionRule> candidates(ToolCall call) {
        List<String> words = firstWords(call);
        List<PermissionRule> out = new ArrayList<>();
        Bucket session = bySession.get(call.sessionId());
        if (session != null) {
            session.collect(call.toolName(), words, out);
        }
        if (!byProject.isEmpty()) {
            for (Path dir = call.workingDir(); dir != null; dir = dir.getParent()) {
                Bucket project = byProject.get(dir);
                if (project != null) {
                    project.collect(call.toolName(), words, out);
                }
            }
        }
        global.collect(call.toolName(), words, out);
        return out;
    }

    /** The distinct first words of a Bash line's parts; none for other tools. */
    private static List<String> firstWords(ToolCall call) {
        if (!call.toolName().equals("Bash")) {
            return List.of();
        }
        String line = call.text("command");
        if (line == null) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String part : ShellCommand.parse(line).parts()) {
            String w = firstWord(part);
            if (!words.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    private static String firstWord(String folded) {
        int space = folded.indexOf(' ');
        return space < 0 ? folded : folded.substring(0, space);
    }

    /**
     * One scope's rules by tool name; Edit and Read rules are found for every tool of their family. Bash
     * rules with a command are further keyed by the command's first word: a command rule can only match a
     * part of a line that starts with that word, so only those are looked at.
     */
    private static final class Bucket {
        private final Map<String, List<PermissionRule>> byTool = new HashMap<>();
        private final Map<String, List<PermissionRule>> bashByFirstWord = new HashMap<>();
        private final List<PermissionRule> globbed = new ArrayList<>();
        private final List<Pattern> globs = new ArrayList<>();
        private final List<String> globPrefixes = new ArrayList<>();

        void add(PermissionRule r) {
            String tool = r.spec().toolPattern();
            if (tool.equals("Bash") && r.spec().specifier().orElse(null) instanceof InputMatcher.Command c) {
                String word = firstWord(c.pattern());
                if (word.indexOf('*') < 0) {
                    bashByFirstWord.computeIfAbsent(word, k -> new ArrayList<>()).add(r);
                    return;
                }
            }
            if (tool.indexOf('*') >= 0) {
                globbed.add(r);
                globs.add(RuleSpec.toolGlob(tool));
                globPrefixes.add(tool.substring(0, tool.indexOf('*')));
            } else {
                byTool.computeIfAbsent(tool, k -> new ArrayList<>()).add(r);
            }
        }

        void collect(String toolName, List<String> firstWords, List<PermissionRule> out) {
            addAll(byTool.get(toolName), out);
            if (!bashByFirstWord.isEmpty()) {
                for (String w : firstWords) {
                    addAll(bashByFirstWord.get(w), out);
                }
            }
            if (!toolName.equals("Edit") && RuleSpec.EDIT_TOOLS.contains(toolName)) {
                addAll(byTool.get("Edit"), out);
            }
            if (!toolName.equals("Read") && RuleSpec.READ_TOOLS.contains(toolName)) {
                addAll(byTool.get("Read"), out);
            }
            for (int i = 0; i < globbed.size(); i++) {
                if (toolName.startsWith(globPrefixes.get(i)) && globs.get(i).matcher(toolName).matches()) {
                    out.add(globbed.get(i));
                }
            }
        }

        private static void addAll(List<PermissionRule> rules, List<PermissionRule> out) {
            if (rules != null) {
                out.addAll(rules);
            }
        }
    }
}
