package io.agentd.daemon.session.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WireTimesTest {
    @Test
    void nanoTrimsTrailingZerosLikeGo() {
        assertThat(WireTimes.rfc3339Nano(Instant.parse("2026-11-22T04:30:22.123456789Z")))
                .isEqualTo("2026-11-22T04:30:22.123456789Z");
        assertThat(WireTimes.rfc3339Nano(Instant.parse("2026-11-22T04:30:22.120Z")))
                .isEqualTo("2026-11-22T04:30:22.12Z");
        assertThat(WireTimes.rfc3339Nano(Instant.parse("2026-11-22T04:30:22.000100Z")))
                .isEqualTo("2026-11-22T04:30:22.0001Z");
    }

    @Test
    void nanoOmitsAWholeSecondFraction() {
        assertThat(WireTimes.rfc3339Nano(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05Z");
    }

    @Test
    void secondsDropTheFraction() {
        assertThat(WireTimes.rfc3339(Instant.parse("2026-11-22T04:30:22.999Z"))).isEqualTo("2026-11-22T04:30:22Z");
    }

    @Test
    void nullStaysNull() {
        assertThat(WireTimes.rfc3339(null)).isNull();
        assertThat(WireTimes.rfc3339Nano(null)).isNull();
    }
}
