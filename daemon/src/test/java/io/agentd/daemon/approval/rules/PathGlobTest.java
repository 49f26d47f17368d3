package io.agentd.daemon.approval.rules;

import io.agentd.daemon.error.AgentdException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathGlobTest {
    private static final Path ROOT = Path.of("/work/proj");
    private static final Path HOME = Path.of("/home/u");

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', textBlock = """
            src/**          | /work/proj/src/a/b.java     | true
            src/**          | /work/proj/src              | true
            src/**          | /work/proj/srcx/a           | false
            src/**          | /work/other/src/a           | false
            /src/*.java     | /work/proj/src/A.java       | true
            /src/*.java     | /work/proj/src/x/A.java     | false
            ./docs          | /work/proj/docs/a.md        | true
            **/*.md         | /work/proj/a/b/c.md         | true
            **/*.md         | /work/proj/c.md             | true
            ~/.ssh/**       | /home/u/.ssh/id_rsa         | true
            ~/.ssh/**       | /work/proj/.ssh/id_rsa      | false
            //etc/**        | /etc/passwd                 | true
            //etc/**        | /work/proj/etc/passwd       | false
            a?c             | /work/proj/abc              | true
            a?c             | /work/proj/a/c              | false
            """)
    void matchesAnchoredPaths(String glob, String path, boolean expected) {
        assertThat(PathGlob.anchored(glob, ROOT, HOME).matches(Path.of(path))).isEqualTo(expected);
    }

    @Test
    void refusesPatternsThatClimbOutOfTheirRoot() {
        assertThatThrownBy(() -> PathGlob.anchored("../**", ROOT, HOME)).isInstanceOf(AgentdException.class)
                .hasMessageContaining("'..'");
    }
}
