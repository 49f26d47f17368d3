package io.agentd.daemon.approval.rules;

import io.agentd.daemon.error.AgentdException;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** The part of a rule in parentheses: what a tool call's input must look like for the rule to match. */
public sealed interface InputMatcher {
    /**
     * A Bash command, checked against one simple command of a command line (see {@link ShellCommand}).
     * {@code git status:*} matches {@code git status} and {@code git status --short} but not
     * {@code git statusx}; a pattern with {@code *} elsewhere is a glob over the whole command; anything
     * else must equal the command. Blanks are compared folded to one space.
     */
    record Command(String pattern, Pattern regex) implements InputMatcher {
        public Command {
            requireNonNull(pattern, "pattern is null");
            requireNonNull(regex, "regex is null");
        }

        static Command of(String specifier) {
            String p = fold(specifier);
            if (p.endsWith(":*")) {
                String prefix = p.substring(0, p.length() - 2).strip();
                if (prefix.isEmpty()) {
                    throw AgentdException.invalidParams("Bash(:*) names no command; use Bash to mean every command");
                }
                return new Command(p, Pattern.compile(Pattern.quote(prefix) + "(?: .*)?", Pattern.DOTALL));
            }
            if (p.indexOf('*') >= 0) {
                StringBuilder re = new StringBuilder();
                for (String piece : p.split("\\*", -1)) {
                    if (!re.isEmpty()) {
                        re.append(".*");
                    }
                    re.append(Pattern.quote(piece));
                }
                return new Command(p, Pattern.compile(re.toString(), Pattern.DOTALL));
            }
            return new Command(p, Pattern.compile(Pattern.quote(p)));
        }

        /** True when the simple command {@code part} (already folded) is matched. */
        public boolean matches(String part) {
            return regex.matcher(part).matches();
        }

        private static String fold(String s) {
            return s.strip().replaceAll("[ \\t]+", " ");
        }
    }

    /** A path glob for the file tools, anchored when a call is evaluated (see {@link PathGlob}). */
    record PathPattern(String glob) implements InputMatcher {
        public PathPattern {
            requireNonNull(glob, "glob is null");
            if (glob.isBlank()) {
                throw AgentdException.invalidParams("an empty path pattern");
            }
        }
    }

    /** A host for WebFetch: the URL's host equals it or is a subdomain of it. */
    record Domain(String domain) implements InputMatcher {
        public Domain {
            requireNonNull(domain, "domain is null");
            domain = domain.toLowerCase(Locale.ROOT);
            if (domain.isEmpty() || domain.contains("/") || domain.contains(" ")) {
                throw AgentdException.invalidParams("domain must be a host name such as example.com");
            }
        }

        /** True when {@code url}'s host is this domain or under it; an unreadable URL matches nothing. */
        public boolean matchesUrl(String url) {
            return host(url).map(h -> h.equals(domain) || h.endsWith("." + domain)).orElse(false);
        }

        private static Optional<String> host(String url) {
            try {
                String h = new URI(url).getHost();
                return Optional.ofNullable(h).map(x -> x.toLowerCase(Locale.ROOT));
            } catch (Exception e) {
                return Optional.empty();
            }
        }
    }
}
