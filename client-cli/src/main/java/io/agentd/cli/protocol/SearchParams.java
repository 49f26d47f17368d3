package io.agentd.cli.protocol;

import static java.util.Objects.requireNonNull;

/**
 * Params of {@code searchSessions} (an agentd method).
 *
 * @param query the words to find
 * @param limit at most this many hits
 * @param includeArchived true to search archived sessions too; null leaves it out
 */
public record SearchParams(String query, int limit, Boolean includeArchived) {
    public SearchParams {
        requireNonNull(query, "query is null");
    }
}
