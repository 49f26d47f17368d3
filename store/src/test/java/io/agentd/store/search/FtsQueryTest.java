package io.agentd.store.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FtsQueryTest {
    @Test
    void quotesEveryWordAndDoublesInnerQuotes() {
        assertThat(FtsQuery.parse("fix NEAR \"the\" bug").expression()).isEqualTo("\"fix\" \"NEAR\" \"\"\"the\"\"\" \"bug\"");
    }

    @Test
    void aTrailingStarIsAPrefixAndOtherStarsAreText() {
        assertThat(FtsQuery.parse("migr* *x a*b").expression()).isEqualTo("\"migr\"* \"*x\" \"a*b\"");
    }

    @Test
    void dropsWordsWithoutLettersOrDigitsAndControlCharacters() {
        FtsQuery q = FtsQuery.parse("  * -- \u0000 ok\u0000 ");
        assertThat(q.terms()).containsExactly("ok");
        assertThat(FtsQuery.parse(" \t* ( ) ").isEmpty()).isTrue();
        assertThat(FtsQuery.parse("").expression()).isEmpty();
    }

    @Test
    void refusesOverlongQueries() {
        assertThatThrownBy(() -> FtsQuery.parse("x".repeat(FtsQuery.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than");
        assertThatThrownBy(() -> FtsQuery.parse("w ".repeat(FtsQuery.MAX_TERMS + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than");
    }
}
