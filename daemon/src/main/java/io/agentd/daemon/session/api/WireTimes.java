package io.agentd.daemon.session.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The two timestamp formats hld puts on the wire. {@code Info} carries Go's default {@code time.Time}
 * encoding (RFC3339Nano: the fraction trimmed of trailing zeros, none at all when whole), the other query
 * results {@code time.RFC3339} (whole seconds). agentd's times are UTC, so the offset is always {@code Z}.
 */
public final class WireTimes {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private WireTimes() {
    }

    /** Like Go's RFC3339Nano, e.g. {@code 2026-11-22T04:30:22.12Z}; null stays null. */
    public static String rfc3339Nano(Instant instant) {
        if (instant == null) {
            return null;
        }
        String base = SECONDS.format(instant);
        int nanos = instant.getNano();
        if (nanos == 0) {
            return base + "Z";
        }
        String fraction = String.format("%09d", nanos);
        int end = fraction.length();
        while (fraction.charAt(end - 1) == '0') {
            end--;
        }
        return base + "." + fraction.substring(0, end) + "Z";
    }

    /** Like Go's RFC3339, e.g. {@code 2026-11-22T04:30:22Z}; the fraction is dropped, null stays null. */
    public static String rfc3339(Instant instant) {
        return instant == null ? null : SECONDS.format(instant) + "Z";
    }
}
