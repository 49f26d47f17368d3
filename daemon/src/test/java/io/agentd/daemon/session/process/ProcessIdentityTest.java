package io.agentd.daemon.session.process;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessIdentityTest {
    @Test
    void aLiveProcessIsRecognisedByPidAndStartTime() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            ProcessIdentity identity = ProcessIdentity.of(sleeper.pid()).orElseThrow();
            assertThat(identity.isAlive()).isTrue();
            // Same pid, different start time: a reused pid must not pass for the recorded process.
            assertThat(new ProcessIdentity(sleeper.pid(), identity.startTime().minusSeconds(5)).isAlive()).isFalse();
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void anEndedProcessIsNotAlive() throws Exception {
        Process quick = new ProcessBuilder("true").start();
        ProcessIdentity identity = ProcessIdentity.of(quick.pid()).orElse(new ProcessIdentity(quick.pid(), Instant.now()));
        quick.waitFor();
        assertThat(identity.isAlive()).isFalse();
    }

    @Test
    void anUnreapedZombieIsNotAlive() throws Exception {
        // The child of this shell exits at once; the shell sleeps without reaping it.
        Process shell = new ProcessBuilder("/bin/sh", "-c", "sleep 0.1 & exec sleep 30").start();
        try {
            Thread.sleep(200);
            long child = shell.toHandle().children().findFirst().orElseThrow().pid();
            Thread.sleep(300);
            ProcessIdentity identity = new ProcessIdentity(child,
                    ProcessHandle.of(child).flatMap(h -> h.info().startInstant()).orElse(Instant.EPOCH)
                            .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(identity.isAlive()).isFalse();
        } finally {
            shell.destroyForcibly().waitFor();
        }
    }
}
