package io.agentd.daemon.session;

import io.agentd.daemon.session.process.ProcessIdentity;
import io.agentd.daemon.session.process.SpoolPaths;
import io.agentd.store.session.SessionStatus;

import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;

import static java.util.Objects.requireNonNull;

/**
 * A session whose Claude process this daemon follows: started by it (then {@code process} is its
 * handle) or re-attached after a restart ({@code process} is null; the identity is all there is).
 */
final class ActiveSession {
    private final String sessionId;
    private final ProcessIdentity identity;
    private final Process process;
    private final SpoolPaths spool;
    private final CompletableFuture<SessionStatus> done = new CompletableFuture<>();
    private volatile Thread follower;

    ActiveSession(String sessionId, ProcessIdentity identity, Process process, SpoolPaths spool) {
        this.sessionId = requireNonNull(sessionId, "sessionId is null");
        this.identity = requireNonNull(identity, "identity is null");
        this.process = process;
        this.spool = requireNonNull(spool, "spool is null");
    }

    String sessionId() {
        return sessionId;
    }

    ProcessIdentity identity() {
        return identity;
    }

    SpoolPaths spool() {
        return spool;
    }

    /** Completes with the final status once the session's end is stored. */
    CompletableFuture<SessionStatus> done() {
        return done;
    }

    Thread follower() {
        return follower;
    }

    void follower(Thread thread) {
        this.follower = thread;
    }

    /** Whether the process has ended: its wrapper wrote the exit code, or it is gone. */
    boolean exited() {
        if (Files.exists(spool.exitCode())) {
            return true;
        }
        return process != null ? !process.isAlive() : !identity.isAlive();
    }

    /** The exit status the wrapper could not record itself (it was killed), when we are its parent. */
    Integer parentObservedExit() {
        return process != null && !process.isAlive() ? process.exitValue() : null;
    }
}
