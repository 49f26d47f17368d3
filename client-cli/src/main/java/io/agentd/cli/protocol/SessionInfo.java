package io.agentd.cli.protocol;

import java.util.Optional;

/**
 * One session as {@code listSessions} and {@code getSessionLeaves} return it (hld's {@code Info}).
 * Token fields are agentd additions and absent when talking to hld. Unused wire fields are dropped.
 */
public record SessionInfo(
        String id,
        String runId,
        String claudeSessionId,
        String parentSessionId,
        String status,
        String startTime,
        String endTime,
        String lastActivityAt,
        String error,
        String query,
        String summary,
        String title,
        String model,
        String modelId,
        String workingDir,
        SessionResult result,
        boolean archived,
        Double costUsd,
        Long inputTokens,
        Long outputTokens) {

    /** Cost from agentd's field, else from the run result. */
    public Optional<Double> cost() {
        return Optional.ofNullable(costUsd).or(() -> Optional.ofNullable(result).map(SessionResult::totalCostUsd));
    }

    /** Input plus output tokens, when the daemon reports either. */
    public Optional<Long> tokens() {
        if (inputTokens == null && outputTokens == null) {
            return Optional.empty();
        }
        return Optional.of((inputTokens == null ? 0 : inputTokens) + (outputTokens == null ? 0 : outputTokens));
    }
}
