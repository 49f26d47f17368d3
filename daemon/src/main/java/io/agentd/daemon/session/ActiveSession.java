package io.agentd.daemon.session;

import io.agentd.daemon.session.process.ProcessIdentity;
import io.agentd.daemon.session.process.SpoolPaths;
import io.agentd.store.session.SessionStatus;

import java.nio.file.Files;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

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
    private final Instant followedSince;
    private final CompletableFuture<SessionStatus> done = new CompletableFuture<>();
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    private volatile Thread follower;

    /**
     * @param followedSince when this daemon began to follow it: the idle clock's start while there is no
     *                      stdout file yet
     */
    ActiveSession(String sessionId, ProcessIdentity identity, Process process, SpoolPaths spool, Instant followedSince) {
        this.sessionId = requireNonNull(sessionId, "sessionId is null");
        this.identity = requireNonNull(identity, "identity is null");
        this.process = process;
        this.spool = requireNonNull(spool, "spool is null");
        this.followedSince = requireNonNull(followedSince, "followedSince is null");
    }

    Instant followedSince() {
        return followedSince;
    }

    /** Why agentd is stopping the process itself (idle timeout), or null. */
    String stopReason() {
        return stopReason.get();
    }

    /** Records why agentd stops the process; false if it is already being stopped for a reason. */
    boolean stopFor(String reason) {
        return stopReason.compareAndSet(null, requireNonNull(reason, "reason is null"));
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
