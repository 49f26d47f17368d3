package io.agentd.cli.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses the daemon's timestamps. hld sends RFC3339 with and without fractions; SQLite-style values
 * (space separator, no offset) also occur, and a missing offset is read as UTC.
 */
public final class Timestamps {
    private Timestamps() {
    }

    /** The instant, or empty when the value is absent or unreadable (never worth failing a listing for). */
    public static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim().replace(' ', 'T');
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException withOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException withoutOffset) {
                return Optional.empty();
            }
        }
    }
}
