package io.agentd.testkit.fakeclaude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellScriptTest {
    @Test
    void quotesEverythingAsSingleQuotedLiterals() {
        assertThat(ShellScript.quote("plain")).isEqualTo("'plain'");
        assertThat(ShellScript.quote("it's $(x) `y` \"z\"")).isEqualTo("'it'\\''s $(x) `y` \"z\"'");
        assertThatThrownBy(() -> ShellScript.quote("nul\0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void argumentsOnlyAppearAsQuotedParameters() {
        String script = ShellScript.render("1.0 (Claude Code)", Path.of("/work dir"),
                List.of(new Step.Stdout("a'b"), new Step.Sleep(Duration.ofMillis(1500))), new Ending.Exit(3));

        assertThat(script).startsWith("#!/bin/sh\n")
                .contains("printf '%s\\0' \"$@\" > '/work dir'/args.$(date +%s%N).$$")
                .contains("[ \"$1\" = '--version' ]")
                .contains("printf '%s\\n' 'a'\\''b'")
                .contains("sleep 1.500")
                .endsWith("exit 3\n");
        assertThat(script.replace("\"$@\"", "").replace("\"$1\"", "").replace("\"$#\"", "")).doesNotContain("$1", "$@", "$*");
    }

    @Test
    void ignoringSigintIsSetUpBeforeAnyOutput() {
        String script = ShellScript.render("v", Path.of("/d"), List.of(new Step.Stdout("ready")), new Ending.Hang(true));

        assertThat(script.indexOf("trap '' INT")).isPositive().isLessThan(script.indexOf("'ready'"));
        assertThat(script).endsWith("exec sleep 2147483647\n");
    }
}
