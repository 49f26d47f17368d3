package io.agentd.daemon.workspace;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.workspace.restore.SafePaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafePathsTest {
    @TempDir
    Path tmp;

    @Test
    void refusesPathsThatLeaveTheWorkingTree() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createDirectories(root.resolve("real"));
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createSymbolicLink(root.resolve("inside"), root.resolve("real"));
        SafePaths paths = new SafePaths(root);

        assertThatThrownBy(() -> paths.resolve("escape/file")).isInstanceOf(AgentdException.class)
                .hasMessageContaining("symlink that leads outside");
        assertThatThrownBy(() -> paths.resolve("../outside/file")).isInstanceOf(AgentdException.class)
                .hasMessageContaining("outside the working tree");
        assertThatThrownBy(() -> paths.resolve("/etc/passwd")).isInstanceOf(AgentdException.class);
        assertThat(paths.resolve("inside/file")).isEqualTo(root.resolve("inside/file"));
        assertThat(paths.resolve("real/deeper/file")).isEqualTo(root.resolve("real/deeper/file"));
        // The last component is never followed, so a symlink there is fine to resolve (it gets replaced).
        assertThat(paths.resolve("escape")).isEqualTo(root.resolve("escape"));
    }
}
