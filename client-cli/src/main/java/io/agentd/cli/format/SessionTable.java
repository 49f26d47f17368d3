package io.agentd.cli.format;

import static java.util.Objects.requireNonNull;

import io.agentd.protocol.session.SessionInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Renders the {@code ls} table: one row per session, newest activity first as the daemon orders them. */
public final class SessionTable {
    static final List<String> HEADERS = List.of("ID", "STATUS", "MODEL", "COST", "TOKENS", "AGE", "TITLE");

    private final Instant now;
    private final int width;

    public SessionTable(Instant now, int width) {
        this.now = requireNonNull(now, "now is null");
        this.width = width;
    }

    public String render(List<SessionInfo> sessions) {
        requireNonNull(sessions, "sessions is null");
        if (sessions.isEmpty()) {
            return "no sessions\n";
        }
        TextTable table = new TextTable(HEADERS);
        for (SessionInfo s : sessions) {
            table.row(List.of(
                    shortId(s.id()),
                    orDash(s.status()),
                    orDash(s.model()),
                    s.cost().map(Units::usd).orElse("-"),
                    s.tokens().map(Units::tokens).orElse("-"),
                    Timestamps.parse(s.lastActivityAt())
                            .map(t -> Units.age(Duration.between(t, now)))
                            .orElse("-"),
                    label(s)));
        }
        return table.render(width);
    }

    /** The first eight characters of an id: unique enough to type, and accepted as a prefix. */
    public static String shortId(String id) {
        if (id == null) {
            return "-";
        }
        return id.length() <= 8 ? id : id.substring(0, 8);
    }

    private static String label(SessionInfo s) {
        if (s.title() != null && !s.title().isBlank()) {
            return s.title();
        }
        if (s.summary() != null && !s.summary().isBlank()) {
            return s.summary();
        }
        return s.query() == null ? "" : s.query();
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
