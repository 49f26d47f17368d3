package io.agentd.daemon.workspace.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of one {@code .gitignore} file, for a scan outside git: blank lines and {@code #} comments
 * skipped, {@code !} negates, a trailing {@code /} matches directories only, a pattern with a {@code /} before
 * its end is anchored to the file's directory, {@code *}, {@code ?}, {@code [...]} and {@code **} as git reads them.
 * Later patterns win, as in git.
 */
public final class IgnoreRules {
    private record Rule(Pattern pattern, boolean negated, boolean directoryOnly) {
    }

    /** No patterns: ignores nothing. */
    public static final IgnoreRules NONE = new IgnoreRules(List.of());

    private final List<Rule> rules;

    private IgnoreRules(List<Rule> rules) {
        this.rules = rules;
    }

    /** The rules of {@code dir/.gitignore}, or none. */
    public static IgnoreRules in(Path dir) {
        Path file = dir.resolve(".gitignore");
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException | java.io.UncheckedIOException e) {
            return NONE;
        }
    }

    public static IgnoreRules parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.stripTrailing();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negated = line.startsWith("!");
            if (negated) {
                line = line.substring(1);
            }
            boolean directoryOnly = line.endsWith("/");
            if (directoryOnly) {
                line = line.substring(0, line.length() - 1);
            }
            boolean anchored = line.contains("/");
            if (line.startsWith("/")) {
                line = line.substring(1);
            }
            if (line.isEmpty()) {
                continue;
            }
            String regex = (anchored ? "" : "(?:.*/)?") + glob(line);
            rules.add(new Rule(Pattern.compile(regex), negated, directoryOnly));
        }
        return new IgnoreRules(List.copyOf(rules));
    }

    /**
     * @param relative the path relative to the directory holding the {@code .gitignore}, with {@code /}
     */
    public boolean ignored(String relative, boolean directory) {
        boolean ignored = false;
        for (Rule r : rules) {
            if ((!r.directoryOnly || directory) && r.pattern.matcher(relative).matches()) {
                ignored = !r.negated;
            }
        }
        return ignored;
    }

    private static String glob(String g) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < g.length() && g.charAt(i + 2) == '/';
                re.append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int end = g.indexOf(']', i + 1);
                if (end < 0) {
                    re.append("\\[");
                } else {
                    String set = g.substring(i + 1, end).replace("\\", "\\\\");
                    re.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                    i = end;
                }
            } else if (c == '\\' && i + 1 < g.length()) {
                re.append(Pattern.quote(String.valueOf(g.charAt(++i))));
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
