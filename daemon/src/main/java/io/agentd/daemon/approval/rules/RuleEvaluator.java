package io.agentd.daemon.approval.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Decides which rule, if any, settles a tool call. Deterministic, and documented in docs/approvals.md:
 *
 * <ol>
 *   <li>Only rules that are active (not expired), whose scope covers the session and whose tool part names
 *       the tool take part.</li>
 *   <li><b>Deny before ask before allow</b>: any matching deny rule wins; else any matching ask rule; else
 *       allow rules may allow.</li>
 *   <li>Among rules of one decision, the narrowest scope wins (session, then the deepest project, then
 *       global), then the newest, then the smallest id ({@link PermissionRule#PRECEDENCE}).</li>
 *   <li>A Bash command line is cut into simple commands ({@link ShellCommand}). A deny or ask rule matches
 *       when any part matches; an allow rule allows only when <em>every</em> part is matched by some allow
 *       rule, and never when the line holds something that cannot be checked part by part
 *       ({@code $(...)}, backticks, output to a file, ...). {@code git status; rm -rf ~} is therefore not
 *       allowed by {@code Bash(git status:*)}.</li>
 *   <li>A file tool's path is resolved against the working directory and normalized; an allow rule must
 *       match both that path and the path with symbolic links resolved, a deny or ask rule either.</li>
 * </ol>
 */
public final class RuleEvaluator {
    /** Compiled globs by pattern and root, shared: compiling one costs more than the rest of an evaluation. */
    private static final GlobCache GLOBS = new GlobCache(50_000);

    private final Path home;

    /** @param home the user's home, for {@code ~/} patterns */
    public RuleEvaluator(Path home) {
        this.home = requireNonNull(home, "home is null").toAbsolutePath().normalize();
    }

    /** The verdict of {@code rules} on {@code call} at {@code now}; decides nothing, changes nothing. */
    public RuleVerdict evaluate(Collection<PermissionRule> rules, ToolCall call, Instant now) {
        List<PermissionRule> candidates = new ArrayList<>();
        for (PermissionRule r : rules) {
            if (r.scope().covers(call.sessionId(), call.workingDir()) && r.spec().coversTool(call.toolName())) {
                candidates.add(r);
            }
        }
        return decide(candidates, call, now);
    }

    /** As {@link #evaluate(Collection, ToolCall, Instant)}, looking only at the rules the index finds for the call. */
    public RuleVerdict evaluate(RuleIndex rules, ToolCall call, Instant now) {
        return decide(rules.candidates(call), call, now);
    }

    private RuleVerdict decide(List<PermissionRule> inScope, ToolCall call, Instant now) {
        List<PermissionRule> candidates = new ArrayList<>(inScope.size());
        for (PermissionRule r : inScope) {
            if (r.activeAt(now)) {
                candidates.add(r);
            }
        }
        candidates.sort(PermissionRule.PRECEDENCE);
        Subject subject = Subject.of(call, home);
        for (RuleDecision restrictive : List.of(RuleDecision.DENY, RuleDecision.ASK)) {
            for (PermissionRule r : candidates) {
                if (r.decision() == restrictive) {
                    Optional<String> hit = subject.anyMatch(r);
                    if (hit.isPresent()) {
                        return RuleVerdict.by(r, r.decision().wireName() + " rule " + r.id() + " ("
                                + r.spec().text() + ", " + r.scope().wireName() + ") matches " + hit.get());
                    }
                }
            }
        }
        List<PermissionRule> allows = candidates.stream().filter(r -> r.decision() == RuleDecision.ALLOW).toList();
        if (allows.isEmpty()) {
            return RuleVerdict.none("no rule matches " + call.toolName());
        }
        return subject.allowedBy(allows);
    }

    /**
     * What the rules are checked against: the parts of a Bash line, the paths of a file tool, the URL of a
     * fetch, or only the tool name.
     */
    private record Subject(ToolCall call, Path home, Optional<ShellCommand> command, List<Path> paths,
                           String describe) {
        static Subject of(ToolCall call, Path home) {
            if (call.toolName().equals("Bash")) {
                String line = call.text("command");
                ShellCommand cmd = line == null
                        ? new ShellCommand(List.of(), Optional.of("no command text"))
                        : ShellCommand.parse(line);
                return new Subject(call, home, Optional.of(cmd), List.of(), "Bash command");
            }
            List<Path> paths = new ArrayList<>();
            String raw = firstText(call, "file_path", "notebook_path", "path");
            if (raw != null) {
                resolve(call.workingDir(), raw).ifPresent(p -> {
                    paths.add(p);
                    Path real = realPath(p);
                    if (!real.equals(p)) {
                        paths.add(real);
                    }
                });
            }
            return new Subject(call, home, Optional.empty(), paths, call.toolName());
        }

        /** For deny/ask: the first thing {@code rule} matches, described, or empty. */
        Optional<String> anyMatch(PermissionRule rule) {
            Optional<InputMatcher> spec = rule.spec().specifier();
            if (spec.isEmpty()) {
                return Optional.of("every " + call.toolName() + " call");
            }
            return switch (spec.get()) {
                case InputMatcher.Command c -> command.flatMap(cmd -> cmd.parts().stream()
                        .filter(c::matches).findFirst().map(p -> "'" + p + "'"));
                case InputMatcher.PathPattern p -> {
                    PathGlob glob = glob(rule, p);
                    yield paths.stream().filter(glob::matches).findFirst().map(x -> "path " + x);
                }
                case InputMatcher.Domain d -> Optional.ofNullable(call.text("url"))
                        .filter(d::matchesUrl).map(u -> "URL " + u);
            };
        }

        /** For allow rules (already in precedence order): allowed only if everything is covered. */
        RuleVerdict allowedBy(List<PermissionRule> allows) {
            Optional<PermissionRule> whole = allows.stream().filter(r -> r.spec().specifier().isEmpty()).findFirst();
            if (whole.isPresent()) {
                return RuleVerdict.by(whole.get(), "allow rule " + whole.get().id() + " (" + whole.get().spec().text()
                        + ") allows every " + call.toolName() + " call");
            }
            if (command.isPresent()) {
                return commandAllowedBy(command.get(), allows);
            }
            for (PermissionRule r : allows) {
                if (r.spec().specifier().get() instanceof InputMatcher.Domain d) {
                    String url = call.text("url");
                    if (url != null && d.matchesUrl(url)) {
                        return RuleVerdict.by(r, "allow rule " + r.id() + " (" + r.spec().text() + ") matches " + url);
                    }
                } else if (r.spec().specifier().get() instanceof InputMatcher.PathPattern p && !paths.isEmpty()) {
                    PathGlob glob = glob(r, p);
                    if (paths.stream().allMatch(glob::matches)) {
                        return RuleVerdict.by(r, "allow rule " + r.id() + " (" + r.spec().text() + ") matches path "
                                + paths.getFirst());
                    }
                }
            }
            return RuleVerdict.none(paths.isEmpty() && call.text("url") == null
                    ? "no allow rule matches " + call.toolName() + " (its input names no path)"
                    : "no allow rule matches this " + describe);
        }

        private RuleVerdict commandAllowedBy(ShellCommand cmd, List<PermissionRule> allows) {
            if (!cmd.verifiable()) {
                return RuleVerdict.none("allow rules do not apply: the command holds " + cmd.unverifiable().get());
            }
            if (cmd.parts().isEmpty()) {
                return RuleVerdict.none("allow rules do not apply: the command is empty");
            }
            PermissionRule first = null;
            for (String part : cmd.parts()) {
                Optional<PermissionRule> by = allows.stream()
                        .filter(r -> r.spec().specifier().get() instanceof InputMatcher.Command c && c.matches(part))
                        .findFirst();
                if (by.isEmpty()) {
                    return RuleVerdict.none("no allow rule matches '" + part + "'"
                            + (cmd.parts().size() > 1 ? " (every part of a compound command must be allowed)" : ""));
                }
                if (first == null) {
                    first = by.get();
                }
            }
            String how = cmd.parts().size() == 1 ? "matches '" + cmd.parts().getFirst() + "'"
                    : "and the other allow rules match all " + cmd.parts().size() + " parts";
            return RuleVerdict.by(first, "allow rule " + first.id() + " (" + first.spec().text() + ") " + how);
        }

        private PathGlob glob(PermissionRule rule, InputMatcher.PathPattern p) {
            Path root = rule.scope() instanceof RuleScope.Project project ? project.dir() : call.workingDir();
            return GLOBS.anchored(p.glob(), root, home);
        }

        private static String firstText(ToolCall call, String... names) {
            for (String n : names) {
                String v = call.text(n);
                if (v != null && !v.isEmpty()) {
                    return v;
                }
            }
            return null;
        }

        private static Optional<Path> resolve(Path workingDir, String raw) {
            try {
                if (raw.indexOf('\0') >= 0) {
                    return Optional.empty();
                }
                return Optional.of(workingDir.resolve(raw).normalize());
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }

        /** The path with links resolved as far as it exists (a file about to be created does not yet). */
        private static Path realPath(Path p) {
            Path existing = p;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return p;
            }
            try {
                return existing.toRealPath().resolve(existing.relativize(p)).normalize();
            } catch (IOException e) {
                return p;
            }
        }
    }
}
