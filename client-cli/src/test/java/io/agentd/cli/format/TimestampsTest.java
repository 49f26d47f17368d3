package io.agentd.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    @Test
    void readsRfc3339WithAndWithoutFractionAndOffset() {
        assertThat(Timestamps.parse("2026-06-18T10:00:00Z")).contains(Instant.parse("2026-06-18T10:00:00Z"));
        assertThat(Timestamps.parse("2026-06-18T12:00:00+02:00")).contains(Instant.parse("2026-06-18T10:00:00Z"));
        assertThat(Timestamps.parse("2026-06-18T10:00:00.123456789-07:00"))
                .contains(Instant.parse("2026-06-18T17:00:00.123456789Z"));
        assertThat(Timestamps.parse("2026-06-18T10:00:00.5")).contains(Instant.parse("2026-06-18T10:00:00.5Z"));
        assertThat(Timestamps.parse("2026-06-18 10:00:00")).contains(Instant.parse("2026-06-18T10:00:00Z"));
    }

    @Test
    void absentOrUnreadableIsEmpty() {
        assertThat(Timestamps.parse(null)).isEmpty();
        assertThat(Timestamps.parse("")).isEmpty();
        assertThat(Timestamps.parse("yesterday")).isEmpty();
    }
}
