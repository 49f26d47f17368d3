package io.agentd.daemon.session.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
    void handWrittenDigitsAgreeWithTheFormatterEverywhere() {
        DateTimeFormatter seconds = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
        Random random = new Random(42);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("1969-12-31T23:59:59.5Z"),
                Instant.parse("2024-02-29T12:00:00.000000001Z")));
        for (int i = 0; i < 10_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
                    random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000)));
        }
        for (Instant instant : instants) {
            String whole = seconds.format(instant);
            assertThat(WireTimes.rfc3339(instant)).isEqualTo(whole + "Z");
            String fraction = instant.getNano() == 0 ? ""
                    : "." + String.format("%09d", instant.getNano()).replaceAll("0+$", "");
            assertThat(WireTimes.rfc3339Nano(instant)).isEqualTo(whole + fraction + "Z");
        }
    }

    @Test
    void nullStaysNull() {
        assertThat(WireTimes.rfc3339(null)).isNull();
        assertThat(WireTimes.rfc3339Nano(null)).isNull();
    }
}
