package io.agentd.store.session;

/** What Claude's {@code result} and the process exit reported. Null fields are unknown. */
public record SessionOutcome(
        Double costUsd,
        Long durationMs,
        Long durationApiMs,
        Integer numTurns,
        String resultContent,
        String errorMessage) {

    public static SessionOutcome none() {
        return new SessionOutcome(null, null, null, null, null, null);
    }

    /** An ending that knows nothing but why the session failed. */
    public static SessionOutcome failed(String errorMessage) {
        return new SessionOutcome(null, null, null, null, null, errorMessage);
    }
}
