package io.agentd.testkit.claude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeCliTest {
    @TempDir
    Path dir;

    private String savedPath;
    private String savedRoot;

    @BeforeEach
    void save() {
        savedPath = System.getProperty(ClaudeCli.PATH_PROPERTY);
        savedRoot = System.getProperty(ClaudeCli.ROOT_PROPERTY);
    }

    @AfterEach
    void restore() {
        restore(ClaudeCli.PATH_PROPERTY, savedPath);
        restore(ClaudeCli.ROOT_PROPERTY, savedRoot);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void explicitPathWins() throws Exception {
        Path exe = Files.createFile(dir.resolve("claude"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        System.setProperty(ClaudeCli.PATH_PROPERTY, exe.toString());

        assertThat(ClaudeCli.find()).contains(exe);
        assertThat(ClaudeCli.require()).isEqualTo(exe);
    }

    @Test
    void pinnedInstallUnderTheRootIsFound() throws Exception {
        Path exe = dir.resolve("tools/node_modules/@anthropic-ai/claude-code/bin/claude.exe");
        Files.createDirectories(exe.getParent());
        Files.createFile(exe, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        System.clearProperty(ClaudeCli.PATH_PROPERTY);
        System.setProperty(ClaudeCli.ROOT_PROPERTY, dir.toString());

        assertThat(ClaudeCli.projectRoot()).contains(dir);
        assertThat(ClaudeCli.find()).contains(exe);
    }

    @Test
    void missingCliSaysHowToInstallIt() {
        System.clearProperty(ClaudeCli.PATH_PROPERTY);
        System.setProperty(ClaudeCli.ROOT_PROPERTY, dir.toString());

        assertThat(ClaudeCli.find()).isEmpty();
        assertThatThrownBy(ClaudeCli::require).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(".ci/install-tools").hasMessageContaining(ClaudeCli.VERSION);
    }

    @Test
    void nonExecutableFileIsNotACli() throws Exception {
        Path notExecutable = Files.writeString(dir.resolve("claude"), "#!/bin/sh\n");
        System.setProperty(ClaudeCli.PATH_PROPERTY, notExecutable.toString());

        assertThat(ClaudeCli.find()).isEmpty();
        assertThatThrownBy(ClaudeCli::require).hasMessageContaining(ClaudeCli.PATH_PROPERTY);
    }
}
