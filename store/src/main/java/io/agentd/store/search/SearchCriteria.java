package io.agentd.store.search;

import static java.util.Objects.requireNonNull;

/**
 * What to search for and among which sessions. Drafts and discarded sessions are never searched, as in hld.
 *
 * @param query the user's words, already made safe
 * @param limit at most this many hits, at least 1
 * @param includeArchived whether archived sessions are searched too
 * @param leavesOnly whether only sessions no other session continues are searched (hld's REST rule)
 */
public record SearchCriteria(FtsQuery query, int limit, boolean includeArchived, boolean leavesOnly) {
    public SearchCriteria {
        requireNonNull(query, "query is null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
