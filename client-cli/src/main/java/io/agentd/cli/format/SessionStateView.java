package io.agentd.cli.format;

import static java.util.Objects.requireNonNull;

import io.agentd.protocol.session.SessionState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Renders one {@code getSessionState} answer as labelled lines for {@code show}. */
public final class SessionStateView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Instant now;
    private final ZoneId zone;

    public SessionStateView(Instant now, ZoneId zone) {
        this.now = requireNonNull(now, "now is null");
        this.zone = requireNonNull(zone, "zone is null");
    }

    public String render(SessionState s) {
        requireNonNull(s, "s is null");
        return new FieldList()
                .add("id", s.id())
                .add("run", s.runId())
                .add("claude session", s.claudeSessionId())
                .add("parent", s.parentSessionId())
                .add("status", s.status() + (s.archived() ? " (archived)" : ""))
                .add("title", s.title())
                .add("query", s.query())
                .add("model", model(s))
                .add("working dir", s.workingDir())
                .add("created", when(s.createdAt()))
                .add("last activity", when(s.lastActivityAt()))
                .add("completed", when(s.completedAt()))
                .add("duration", s.durationMs() == null ? null : Units.duration(Duration.ofMillis(s.durationMs())))
                .add("turns", s.numTurns() == null || s.numTurns() == 0 ? null : s.numTurns().toString())
                .add("cost", s.costUsd() == null ? null : Units.usd(s.costUsd()))
                .add("tokens", tokens(s))
                .add("context", context(s))
                .add("auto-accept", s.autoAcceptEdits() ? "edits" : null)
                .add("bypass", s.dangerouslySkipPermissions() ? bypass(s) : null)
                .add("error", s.errorMessage())
                .add("result", s.result() == null ? null : s.result().strip())
                .add("denied", Denials.lines(s.permissionDenials()))
                .render();
    }

    private static String model(SessionState s) {
        if (s.modelId() != null && !s.modelId().isBlank() && !s.modelId().equals(s.model())) {
            return (s.model() == null ? "" : s.model() + " ") + "(" + s.modelId() + ")";
        }
        return s.model();
    }

    private String when(String timestamp) {
        return Timestamps.parse(timestamp)
                .map(t -> WHEN.format(t.atZone(zone)) + " (" + Units.age(Duration.between(t, now)) + " ago)")
                .orElse(timestamp);
    }

    private static String tokens(SessionState s) {
        if (s.inputTokens() == null && s.outputTokens() == null) {
            return null;
        }
        StringBuilder text = new StringBuilder()
                .append(Units.tokens(orZero(s.inputTokens()))).append(" in, ")
                .append(Units.tokens(orZero(s.outputTokens()))).append(" out");
        if (s.cacheReadInputTokens() != null || s.cacheCreationInputTokens() != null) {
            text.append(", cache ").append(Units.tokens(orZero(s.cacheReadInputTokens()))).append(" read / ")
                    .append(Units.tokens(orZero(s.cacheCreationInputTokens()))).append(" written");
        }
        return text.toString();
    }

    private static String context(SessionState s) {
        Long limit = s.contextWindow() != null ? s.contextWindow() : s.contextLimit();
        if (s.effectiveContextTokens() == null || limit == null || limit <= 0) {
            return null;
        }
        double percent = 100.0 * s.effectiveContextTokens() / limit;
        return Units.tokens(s.effectiveContextTokens()) + " of " + Units.tokens(limit)
                + String.format(Locale.ROOT, " (%.0f%%)", percent);
    }

    private String bypass(SessionState s) {
        String expiry = when(s.dangerouslySkipPermissionsExpiresAt());
        return "permissions skipped" + (expiry == null || expiry.isBlank() ? "" : " until " + expiry);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
