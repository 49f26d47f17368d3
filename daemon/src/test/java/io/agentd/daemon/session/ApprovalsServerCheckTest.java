package io.agentd.daemon.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalsServerCheckTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyCommandMeansNoServerOnPurpose() {
        ApprovalsServerCheck.Status status = new ApprovalsServerCheck(List.of(), Map.of(), dir).status();

        assertThat(status.injected()).isFalse();
        assertThat(status.usable()).isTrue();
    }

    @Test
    void anExecutableWithAnExistingJarCanRun() throws IOException {
        Path java = executable("java");
        Path jar = Files.createFile(dir.resolve("cli.jar"));

        ApprovalsServerCheck.Status status = check(java.toString(), "-jar", jar.toString(), "mcp", "claude_approvals");

        assertThat(status.injected()).isTrue();
        assertThat(status.usable()).isTrue();
        assertThat(status.command()).isEqualTo(java + " -jar " + jar + " mcp claude_approvals");
    }

    @Test
    void aMissingJarIsNamed() throws IOException {
        Path java = executable("java");
        Path jar = dir.resolve("client-cli/target/agentd-cli.jar");

        ApprovalsServerCheck.Status status = check(java.toString(), "-jar", jar.toString(), "mcp", "claude_approvals");

        assertThat(status.usable()).isFalse();
        assertThat(status.error()).contains("jar " + jar + " does not exist").contains("build it");
    }

    @Test
    void aMissingOrNonExecutableProgramIsNamed() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain"));

        assertThat(check(dir.resolve("nope").toString()).error()).isEqualTo("executable " + dir.resolve("nope") + " does not exist");
        assertThat(check(plain.toString(), "mcp").error()).isEqualTo("executable " + plain + " is not executable");
        assertThat(check("no-such-approvals-server").error()).isEqualTo("executable no-such-approvals-server is not on PATH");
        assertThat(check("plain").error()).isEqualTo("executable " + plain + " is not executable");
    }

    @Test
    void aBareNameIsFoundOnPath() throws IOException {
        executable("humanlayer");

        assertThat(check("humanlayer", "mcp", "claude_approvals").usable()).isTrue();
    }

    private ApprovalsServerCheck.Status check(String... argv) {
        return new ApprovalsServerCheck(List.of(argv), Map.of("PATH", "/nonexistent:" + dir), dir).status();
    }

    private Path executable(String name) throws IOException {
        return Files.createFile(dir.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
