package io.agentd.daemon.session.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummariesTest {

    @Test
    void whitespaceRunsCollapseAndEndsAreTrimmed() {
        assertThat(Summaries.of("  fix\tthe\n\n  tests \r\n")).isEqualTo("fix the tests");
        assertThat(Summaries.of("a\u00a0\u2003b\u3000c")).isEqualTo("a b c");
        assertThat(Summaries.of(" \n ")).isEmpty();
    }

    @Test
    void fiftyCodePointsAreKeptAsIs() {
        String fifty = "a".repeat(50);

        assertThat(Summaries.of(fifty)).isEqualTo(fifty);
    }

    @Test
    void fiftyOneCodePointsAreCutTo47PlusEllipsis() {
        assertThat(Summaries.of("a".repeat(51))).isEqualTo("a".repeat(47) + "...");
    }

    @Test
    void lengthIsCountedInCodePointsNotChars() {
        String emoji = "\uD83D\uDE00";
        String fiftyEmoji = emoji.repeat(50);

        assertThat(Summaries.of(fiftyEmoji)).isEqualTo(fiftyEmoji);
        assertThat(Summaries.of(emoji.repeat(51))).isEqualTo(emoji.repeat(47) + "...");
        assertThat(Summaries.of("é".repeat(60))).isEqualTo("é".repeat(47) + "...");
    }

    @Test
    void lengthIsMeasuredAfterCollapsing() {
        assertThat(Summaries.of("a" + " ".repeat(100) + "b")).isEqualTo("a b");
    }
}
