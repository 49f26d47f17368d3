package io.agentd.daemon.session;

import io.agentd.daemon.session.process.ProcessIdentity;
import io.agentd.daemon.session.process.SpoolPaths;
import io.agentd.store.session.SessionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which signals reach a session's process group, with a process that ends on a chosen signal (or never):
 * the escalation goes only as far as it must, and always to the group the session's pid leads.
 */
class InterruptEscalationTest {
    private static final long PGID = 4242;
    private static final Duration GRACE = Duration.ofMillis(1);

    @TempDir
    Path spools;

    private final List<String> sent = new CopyOnWriteArrayList<>();

    @Test
    void aProcessThatStopsOnSigintGetsNothingMore() throws Exception {
        StubbornProcess process = new StubbornProcess();
        ActiveSession session = session(process);
        InterruptEscalation escalation = new InterruptEscalation(GRACE, (pgid, signal) -> {
            sent.add(pgid + " " + signal);
            session.done().complete(SessionStatus.INTERRUPTED); // the session's end is stored at once
        });

        escalation.escalate(session).join();

        assertThat(sent).containsExactly(PGID + " INT");
    }

    @Test
    void aProcessIgnoringSigintGetsSigtermAndStopsThere() throws Exception {
        StubbornProcess process = new StubbornProcess();
        ActiveSession session = session(process);
        InterruptEscalation escalation = new InterruptEscalation(GRACE, (pgid, signal) -> {
            sent.add(pgid + " " + signal);
            if (signal.equals("TERM")) {
                process.alive = false;
            }
        });

        escalation.escalate(session).join();

        assertThat(sent).containsExactly(PGID + " INT", PGID + " TERM");
    }

    @Test
    void aProcessIgnoringEverySignalIsKilled() throws Exception {
        ActiveSession session = session(new StubbornProcess());
        InterruptEscalation escalation = new InterruptEscalation(GRACE, (pgid, signal) -> sent.add(pgid + " " + signal));

        escalation.escalate(session).join();

        assertThat(sent).containsExactly(PGID + " INT", PGID + " TERM", PGID + " KILL");
    }

    @Test
    void aProcessWhoseWrapperRecordedTheExitIsNotSignalledFurther() throws Exception {
        ActiveSession session = session(new StubbornProcess());
        InterruptEscalation escalation = new InterruptEscalation(GRACE, (pgid, signal) -> {
            sent.add(pgid + " " + signal);
            try {
                Files.writeString(session.spool().exitCode(), "130\n"); // ended; its end not stored yet
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        escalation.escalate(session).join();

        assertThat(sent).containsExactly(PGID + " INT");
    }

    @Test
    void escalatesOnAThreadNamedAfterTheSession() throws Exception {
        ActiveSession session = session(new StubbornProcess());
        InterruptEscalation escalation = new InterruptEscalation(GRACE, (pgid, signal) -> sent.add(signal));

        Thread thread = escalation.escalate(session);
        thread.join();

        assertThat(thread.getName()).isEqualTo("interrupt-" + session.sessionId());
        assertThat(thread.isVirtual()).isTrue();
    }

    private ActiveSession session(Process process) throws Exception {
        SpoolPaths spool = SpoolPaths.of(spools, "s1");
        Files.createDirectories(spool.dir());
        return new ActiveSession("s1", new ProcessIdentity(PGID, Instant.EPOCH), process, spool, Instant.EPOCH);
    }

    /** A child that stays alive until the test says otherwise. */
    private static final class StubbornProcess extends Process {
        volatile boolean alive = true;

        @Override
        public boolean isAlive() {
            return alive;
        }

        @Override
        public int exitValue() {
            if (alive) {
                throw new IllegalThreadStateException("still running");
            }
            return 143;
        }

        @Override
        public OutputStream getOutputStream() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public InputStream getInputStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public InputStream getErrorStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public int waitFor() {
            throw new UnsupportedOperationException("not needed by the escalation");
        }

        @Override
        public void destroy() {
            alive = false;
        }
    }
}
