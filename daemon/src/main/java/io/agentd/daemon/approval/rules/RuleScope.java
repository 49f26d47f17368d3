package io.agentd.daemon.approval.rules;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Where a rule applies: one session, a project (a working directory and everything under it), or every
 * session. A narrower scope outranks a wider one among rules of the same decision.
 */
public sealed interface RuleScope {
    /** Every session. */
    record Global() implements RuleScope {
    }

    /** Sessions whose working directory is {@code dir} or lies under it ({@code dir} absolute, normalized). */
    record Project(Path dir) implements RuleScope {
        public Project {
            requireNonNull(dir, "dir is null");
            if (!dir.isAbsolute()) {
                throw new IllegalArgumentException("project dir must be absolute: " + dir);
            }
            dir = dir.normalize();
        }
    }

    /** One session. */
    record Session(String sessionId) implements RuleScope {
        public Session {
            requireNonNull(sessionId, "sessionId is null");
        }
    }

    /** The scope for every session. */
    static RuleScope global() {
        return new Global();
    }

    /** True when a call of {@code sessionId}, working in {@code workingDir}, is inside this scope. */
    default boolean covers(String sessionId, Path workingDir) {
        return switch (this) {
            case Global g -> true;
            case Project p -> workingDir.normalize().startsWith(p.dir());
            case Session s -> s.sessionId().equals(sessionId);
        };
    }

    /**
     * Orders scopes narrowest first: a session, then projects (deeper folders first), then everyone.
     * Smaller is narrower.
     */
    default int breadth() {
        return switch (this) {
            case Session s -> 0;
            case Project p -> 1_000_000 - p.dir().getNameCount();
            case Global g -> Integer.MAX_VALUE;
        };
    }

    /** The wire name: {@code session}, {@code project} or {@code global}. */
    default String wireName() {
        return switch (this) {
            case Global g -> "global";
            case Project p -> "project";
            case Session s -> "session";
        };
    }
}
