package io.agentd.daemon.approval.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A Bash command line cut into the simple commands a rule can be checked against.
 *
 * <p>A rule names one command ({@code git status}); a command line may hold several
 * ({@code git status; rm -rf ~}). This class splits at the shell's control operators ({@code ; & && || |}
 * and newlines) outside quotes, so each part can be checked on its own. It does not try to understand
 * everything Bash can do: what it cannot see through makes the line {@link #verifiable() unverifiable},
 * and an unverifiable line never matches an allow rule (a person is asked instead). That covers command and
 * process substitution ({@code $(...)}, backticks, {@code <(...)}, {@code >(...)}), parameter expansion
 * ({@code $VAR}, {@code ${...}}: its value is unknown here), redirection of output to a file, subshells and
 * groups ({@code ( ) { }}), here-documents, unbalanced quotes and escaped line ends.
 *
 * @param parts      the simple commands, each trimmed with runs of blanks outside quotes folded to one space
 * @param unverifiable why the line cannot be checked part by part, or empty when it can
 */
public record ShellCommand(List<String> parts, Optional<String> unverifiable) {
    public ShellCommand {
        parts = List.copyOf(requireNonNull(parts, "parts is null"));
        requireNonNull(unverifiable, "unverifiable is null");
    }

    /** True when every part was seen as plain words, so allow rules may match it. */
    public boolean verifiable() {
        return unverifiable.isEmpty();
    }

    /** Splits {@code line}; never throws. */
    public static ShellCommand parse(String line) {
        return new Splitter(requireNonNull(line, "line is null")).split();
    }

    private static final class Splitter {
        private final String s;
        private final List<String> parts = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private String unverifiable;
        private int i;

        Splitter(String s) {
            this.s = s;
        }

        ShellCommand split() {
            while (i < s.length()) {
                char c = s.charAt(i);
                switch (c) {
                    case '\'' -> singleQuoted();
                    case '"' -> doubleQuoted();
                    case '\\' -> escaped();
                    case '`' -> unverifiable("command substitution (`...`)", 1);
                    case '$' -> dollar();
                    case ';', '\n', '\r' -> endPart(1);
                    case '&' -> ampersand();
                    case '|' -> endPart(s.startsWith("||", i) ? 2 : s.startsWith("|&", i) ? 2 : 1);
                    case '>' -> redirectOut();
                    case '<' -> redirectIn();
                    case '(', ')', '{', '}' -> groupChar(c);
                    case ' ', '\t' -> blank();
                    default -> take(1);
                }
            }
            endPart(0);
            return new ShellCommand(parts, Optional.ofNullable(unverifiable));
        }

        private void singleQuoted() {
            int end = s.indexOf('\'', i + 1);
            if (end < 0) {
                unverifiable("an unterminated quote", s.length() - i);
                return;
            }
            take(end + 1 - i);
        }

        private void doubleQuoted() {
            int j = i + 1;
            while (j < s.length() && s.charAt(j) != '"') {
                char c = s.charAt(j);
                if (c == '\\') {
                    j += 2;
                    continue;
                }
                if (c == '$' || c == '`') {
                    // Expansion happens inside double quotes too.
                    unverifiable(c == '`' ? "command substitution (`...`)" : "an expansion ($...)", 0);
                }
                j++;
            }
            if (j >= s.length()) {
                unverifiable("an unterminated quote", s.length() - i);
                return;
            }
            take(j + 1 - i);
        }

        private void escaped() {
            if (i + 1 >= s.length() || s.charAt(i + 1) == '\n') {
                unverifiable("an escaped line end", s.length() - i);
                return;
            }
            take(2);
        }

        private void dollar() {
            if (s.startsWith("$(", i)) {
                unverifiable("command substitution ($(...))", 2);
            } else if (i + 1 < s.length() && isExpansionStart(s.charAt(i + 1))) {
                unverifiable("an expansion ($...)", 1);
            } else {
                take(1);
            }
        }

        private static boolean isExpansionStart(char c) {
            return c == '{' || c == '_' || Character.isLetterOrDigit(c) || "?!#*@$-'\"".indexOf(c) >= 0;
        }

        private void ampersand() {
            if (s.startsWith("&&", i)) {
                endPart(2);
            } else if (s.startsWith("&>", i)) {
                redirectTarget(2);
            } else {
                endPart(1);
            }
        }

        private void redirectOut() {
            // n>&m duplicates a descriptor and writes no file; anything else may write one.
            int j = i + (s.startsWith(">>", i) ? 2 : 1);
            if (j < s.length() && s.charAt(j) == '(') {
                unverifiable("process substitution (>(...))", j + 1 - i);
                return;
            }
            if (j < s.length() && s.charAt(j) == '&') {
                int k = j + 1;
                while (k < s.length() && (Character.isDigit(s.charAt(k)) || s.charAt(k) == '-')) {
                    k++;
                }
                if (k > j + 1) {
                    take(k - i);
                    return;
                }
            }
            redirectTarget(j - i);
        }

        private void redirectTarget(int operatorLength) {
            int j = i + operatorLength;
            while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                j++;
            }
            if (s.startsWith("/dev/null", j) && (j + 9 == s.length() || " \t;&|\n".indexOf(s.charAt(j + 9)) >= 0)) {
                take(j + 9 - i);
                return;
            }
            unverifiable("output redirected to a file", operatorLength);
        }

        private void redirectIn() {
            if (s.startsWith("<(", i)) {
                unverifiable("process substitution (<(...))", 2);
            } else if (s.startsWith("<<", i)) {
                unverifiable("a here-document", 2);
            } else {
                take(1);
            }
        }

        private void groupChar(char c) {
            unverifiable(c == '(' || c == ')' ? "a subshell ( ... )" : "a command group { ... }", 1);
        }

        private void blank() {
            if (!current.isEmpty() && current.charAt(current.length() - 1) != ' ') {
                current.append(' ');
            }
            i++;
        }

        private void take(int n) {
            current.append(s, i, i + n);
            i += n;
        }

        private void unverifiable(String why, int consumed) {
            if (unverifiable == null) {
                unverifiable = why;
            }
            take(Math.min(consumed, s.length() - i));
        }

        private void endPart(int operatorLength) {
            String part = current.toString().strip();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            current.setLength(0);
            i += operatorLength;
        }
    }
}
