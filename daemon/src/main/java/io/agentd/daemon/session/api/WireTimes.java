package io.agentd.daemon.session.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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
    private static final long FIRST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
    private static final long LAST_SECOND = LocalDate.of(9999, 12, 31).toEpochDay() * 86_400 + 86_399;

    private WireTimes() {
    }

    /** Like Go's RFC3339Nano, e.g. {@code 2026-11-22T04:30:22.12Z}; null stays null. */
    public static String rfc3339Nano(Instant instant) {
        if (instant == null) {
            return null;
        }
        int nanos = instant.getNano();
        if (nanos == 0) {
            return rfc3339(instant);
        }
        int digits = 9;
        while (nanos % 10 == 0) {
            nanos /= 10;
            digits--;
        }
        StringBuilder text = new StringBuilder(30).append(seconds(instant)).append('.');
        String fraction = Integer.toString(nanos);
        text.repeat('0', digits - fraction.length()).append(fraction);
        return text.append('Z').toString();
    }

    /** Like Go's RFC3339, e.g. {@code 2026-11-22T04:30:22Z}; the fraction is dropped, null stays null. */
    public static String rfc3339(Instant instant) {
        return instant == null ? null : seconds(instant) + "Z";
    }

    /**
     * {@code uuuu-MM-dd'T'HH:mm:ss}. Written by hand for the years 0 to 9999, because a long conversation
     * formats one time per event and the formatter is the slower part of writing it.
     */
    private static String seconds(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        if (epochSecond < FIRST_SECOND || epochSecond > LAST_SECOND) {
            return SECONDS.format(instant);
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400));
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400);
        byte[] text = new byte[19];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static void digits(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
