package io.agentd.cli.format;

import java.time.Duration;
import java.util.Locale;

/** Compact renderings of ages, durations, token counts and money, as shown in tables. */
public final class Units {
    private Units() {
    }

    /** The largest whole unit: {@code 45s}, {@code 5m}, {@code 2h}, {@code 3d}; a future time reads as {@code 0s}. */
    public static String age(Duration elapsed) {
        long seconds = Math.max(0, elapsed.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + "h";
        }
        return seconds / 86_400 + "d";
    }

    /** Two units for longer spans: {@code 45s}, {@code 5m 3s}, {@code 2h 10m}, {@code 3d 4h}. */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + seconds % 60 + "s";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
        }
        return seconds / 86_400 + "d " + seconds % 86_400 / 3600 + "h";
    }

    /** {@code 999}, {@code 12.3k}, {@code 4.5M}; one decimal, dropped when it is zero. */
    public static String tokens(long count) {
        if (count < 1000) {
            return Long.toString(count);
        }
        if (count < 999_950) {
            return oneDecimal(count / 1000.0) + "k";
        }
        return oneDecimal(count / 1_000_000.0) + "M";
    }

    /** Dollars with four decimals: small sessions cost fractions of a cent. */
    public static String usd(double amount) {
        return String.format(Locale.ROOT, "$%.4f", amount);
    }

    private static String oneDecimal(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
