package io.agentd.daemon.approval.rules;

import io.agentd.daemon.error.AgentdException;

import java.nio.file.Path;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A gitignore-style glob over absolute, normalized paths: {@code **} matches any number of folders,
 * {@code *} and {@code ?} stay inside one path segment. A glob that names a folder ({@code src} or
 * {@code src/}) also matches everything under it.
 *
 * <p>The glob is anchored when it is made: {@code //abs/path} is absolute, {@code ~/x} is under the
 * user's home, and anything else ({@code /x}, {@code x}, {@code ./x}) is under the project root, which is
 * the rule's project folder or the session's working directory. {@code ..} segments in a glob are refused,
 * so a rule cannot reach above its root.
 */
public final class PathGlob {
    private final String text;
    private final Pattern regex;
    /** What every matched path starts with: the glob up to its first wildcard. A cheap first check. */
    private final String literalPrefix;

    private PathGlob(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
        int wild = indexOfWildcard(text);
        String prefix = wild < 0 ? text : text.substring(0, wild);
        // "dir/" also matches "dir" itself, so the prefix stops before a trailing slash.
        this.literalPrefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    private static int indexOfWildcard(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '*' || s.charAt(i) == '?') {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param glob the rule's specifier, e.g. {@code src/**}
     * @param root the project root for relative globs (absolute)
     * @param home the user's home (absolute)
     */
    public static PathGlob anchored(String glob, Path root, Path home) {
        requireNonNull(glob, "glob is null");
        String g = glob.strip();
        if (g.isEmpty()) {
            throw AgentdException.invalidParams("an empty path pattern");
        }
        String base;
        if (g.startsWith("//")) {
            base = "";
            g = g.substring(1);
        } else if (g.equals("~") || g.startsWith("~/")) {
            base = home.toString();
            g = g.substring(1);
        } else {
            base = root.toString();
            g = g.startsWith("./") ? g.substring(1) : g.startsWith("/") ? g : "/" + g;
        }
        for (String segment : g.split("/")) {
            if (segment.equals("..")) {
                throw AgentdException.invalidParams("path pattern '" + glob + "' contains '..'");
            }
        }
        String full = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + g;
        return new PathGlob(full, Pattern.compile(toRegex(full)));
    }

    /** True when {@code path} (absolute, normalized) is matched, or lies under a matched folder. */
    public boolean matches(Path path) {
        String p = path.toString();
        return p.startsWith(literalPrefix) && regex.matcher(p).matches();
    }

    /** The anchored glob, for explanations. */
    @Override
    public String toString() {
        return text;
    }

    private static String toRegex(String glob) {
        String g = glob.endsWith("/") ? glob.substring(0, glob.length() - 1) : glob;
        // "dir/**" is the folder and what it holds, as "dir" is: the suffix below adds the contents.
        while (g.endsWith("/**")) {
            g = g.substring(0, g.length() - 3);
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < g.length() && g.charAt(i + 2) == '/';
                // "a/**/b" matches "a/b" too; a trailing "**" matches everything below.
                re.append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        // A folder's glob covers what it contains.
        re.append("(?:/.*)?");
        return re.toString();
    }
}
