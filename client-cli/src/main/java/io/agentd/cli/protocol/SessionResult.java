package io.agentd.cli.protocol;

/** The {@code result} object of an {@link SessionInfo}: how the Claude run ended. */
public record SessionResult(
        String type,
        String subtype,
        Double totalCostUsd,
        boolean isError,
        Long durationMs,
        Integer numTurns,
        String result,
        String error) {
}
