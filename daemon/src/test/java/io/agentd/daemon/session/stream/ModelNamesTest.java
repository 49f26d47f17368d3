package io.agentd.daemon.session.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelNamesTest {

    @Test
    void familiesByCaseInsensitiveSubstringInOrder() {
        assertThat(ModelNames.shortName("claude-opus-5-5")).contains("opus");
        assertThat(ModelNames.shortName("claude-sonnet-5-5")).contains("sonnet");
        assertThat(ModelNames.shortName("Claude-3-5-HAIKU-20241022")).contains("haiku");
        assertThat(ModelNames.shortName("opus-sonnet-haiku")).contains("opus");
        assertThat(ModelNames.shortName("sonnet-haiku")).contains("sonnet");
    }

    @Test
    void noMatchIsEmpty() {
        assertThat(ModelNames.shortName("<synthetic>")).isEmpty();
        assertThat(ModelNames.shortName("")).isEmpty();
        assertThat(ModelNames.shortName(null)).isEmpty();
    }
}
