package io.agentd.daemon.approval.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShellCommandTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '¦', quoteCharacter = '~', textBlock = """
            git status¦ git status
            git   status   --short¦ git status --short
            git status; rm -rf ~¦ git status,rm -rf ~
            make && make test || echo failed¦ make,make test,echo failed
            ls | wc -l¦ ls,wc -l
            sleep 1 & echo done¦ sleep 1,echo done
            echo 'a; b' "c && d"¦ echo 'a; b' "c && d"
            grep -r x . 2>&1¦ grep -r x . 2>&1
            make >/dev/null 2>/dev/null¦ make >/dev/null 2>/dev/null
            echo a \\; echo b¦ echo a \\; echo b
            """)
    void splitsAtControlOperatorsOutsideQuotes(String line, String parts) {
        ShellCommand cmd = ShellCommand.parse(line);
        assertThat(cmd.parts()).containsExactlyElementsOf(Arrays.asList(parts.split(",")));
        assertThat(cmd.verifiable()).as(cmd.unverifiable().orElse("")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '¦', quoteCharacter = '~', textBlock = """
            echo $(rm -rf ~)¦ command substitution ($(...))
            echo `id`¦ command substitution (`...`)
            echo "$(id)"¦ an expansion ($...)
            rm -rf $HOME¦ an expansion ($...)
            cat ${FILE}¦ an expansion ($...)
            git status > out.txt¦ output redirected to a file
            git log >> ~/.bashrc¦ output redirected to a file
            ls &> all.log¦ output redirected to a file
            diff <(ls a) <(ls b)¦ process substitution (<(...))
            (cd /; rm -rf x)¦ a subshell ( ... )
            { rm x; }¦ a command group { ... }
            cat <<EOF¦ a here-document
            echo 'unterminated¦ an unterminated quote
            """)
    void marksWhatItCannotSeeThrough(String line, String why) {
        ShellCommand cmd = ShellCommand.parse(line);
        assertThat(cmd.verifiable()).isFalse();
        assertThat(cmd.unverifiable()).contains(why);
    }

    @org.junit.jupiter.api.Test
    void newlinesSeparateCommandsAndEmptyPartsAreDropped() {
        assertThat(ShellCommand.parse("git status\nrm -rf /;;  ").parts()).isEqualTo(List.of("git status", "rm -rf /"));
        assertThat(ShellCommand.parse("").parts()).isEmpty();
    }
}
