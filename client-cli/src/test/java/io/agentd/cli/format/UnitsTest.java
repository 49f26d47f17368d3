package io.agentd.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void ageUsesTheLargestWholeUnit() {
        assertThat(Units.age(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Units.age(Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(Units.age(Duration.ofMinutes(5).plusSeconds(59))).isEqualTo("5m");
        assertThat(Units.age(Duration.ofHours(2).plusMinutes(59))).isEqualTo("2h");
        assertThat(Units.age(Duration.ofDays(3).plusHours(23))).isEqualTo("3d");
        assertThat(Units.age(Duration.ofSeconds(-30))).as("clock skew").isEqualTo("0s");
    }

    @Test
    void durationShowsTwoUnits() {
        assertThat(Units.duration(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(Units.duration(Duration.ofSeconds(303))).isEqualTo("5m 3s");
        assertThat(Units.duration(Duration.ofMinutes(130))).isEqualTo("2h 10m");
        assertThat(Units.duration(Duration.ofHours(76))).isEqualTo("3d 4h");
    }

    @Test
    void tokensAreCompact() {
        assertThat(Units.tokens(0)).isEqualTo("0");
        assertThat(Units.tokens(999)).isEqualTo("999");
        assertThat(Units.tokens(1000)).isEqualTo("1k");
        assertThat(Units.tokens(12_345)).isEqualTo("12.3k");
        assertThat(Units.tokens(999_949)).isEqualTo("999.9k");
        assertThat(Units.tokens(999_950)).isEqualTo("1M");
        assertThat(Units.tokens(4_560_000)).isEqualTo("4.6M");
    }

    @Test
    void dollarsHaveFourDecimals() {
        assertThat(Units.usd(0)).isEqualTo("$0.0000");
        assertThat(Units.usd(0.01234)).isEqualTo("$0.0123");
        assertThat(Units.usd(12.5)).isEqualTo("$12.5000");
    }
}
