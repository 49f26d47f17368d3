package io.agentd.daemon.session.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpoolProcessTest {
    @TempDir
    Path dir;

    @Test
    void aSpoolWithoutPidIsClaimedSoItsWrapperRunsNothing() throws Exception {
        SpoolPaths spool = new SpoolPaths(dir.resolve("s1"));
        assertThat(SpoolProcess.claimOrRead(spool)).isInstanceOf(SpoolProcess.NeverRan.class);
        Path marker = dir.resolve("ran");
        // The wrapper starting only now (a daemon died between fork and its pid write) must not run Claude.
        Process p = new ProcessBuilder(List.of("/bin/sh", "-c", ProcessLauncher.WRAPPER, "w", spool.dir().toString(),
                "/bin/sh", "-c", "touch " + marker)).start();
        assertThat(p.waitFor()).isEqualTo(125);
        assertThat(marker).doesNotExist();
        assertThat(spool.exitCode()).doesNotExist();
        assertThat(SpoolProcess.claimOrRead(spool)).isInstanceOf(SpoolProcess.NeverRan.class);
    }

    @Test
    void theWrappersOwnPidIsFoundWhileItRunsAndItsEndAfterwards() throws Exception {
        SpoolPaths spool = new SpoolPaths(Files.createDirectories(dir.resolve("s2")));
        Files.writeString(spool.mcpConfig(), "{}");
        Process p = new ProcessBuilder(List.of("/bin/sh", "-c", ProcessLauncher.WRAPPER, "w", spool.dir().toString(),
                "/bin/sh", "-c", "read line; echo \"$line\"; sleep 0.5")).start();
        Files.writeString(dir.resolve("unused"), "");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!Files.exists(spool.pid()) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        SpoolProcess.State running = SpoolProcess.claimOrRead(spool);
        assertThat(running).isInstanceOfSatisfying(SpoolProcess.Ran.class, r -> {
            assertThat(r.pid()).isEqualTo(p.pid());
            assertThat(r.identity()).isPresent();
        });
        assertThat(p.waitFor()).isZero();
        assertThat(SpoolProcess.claimOrRead(spool)).isInstanceOfSatisfying(SpoolProcess.Ran.class,
                r -> assertThat(r.identity()).isEmpty());
        assertThat(spool.mcpConfig()).doesNotExist();
        assertThat(Files.readString(spool.exitCode()).strip()).isEqualTo("0");
    }

    @Test
    void aLargeQueryFileIsFedToClaudesStdin() throws Exception {
        SpoolPaths spool = new SpoolPaths(Files.createDirectories(dir.resolve("s3")));
        String query = "x".repeat(300_000);
        Files.writeString(spool.query(), query);
        Process p = new ProcessBuilder(List.of("/bin/sh", "-c", ProcessLauncher.WRAPPER, "w", spool.dir().toString(),
                "/bin/cat")).start();
        assertThat(p.waitFor()).isZero();
        assertThat(Files.readString(spool.stdout())).isEqualTo(query);
    }
}
