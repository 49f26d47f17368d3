package io.agentd.daemon.search;

import static java.util.Objects.requireNonNull;

/**
 * A search as a client asks for it, before validation.
 *
 * @param text the user's words; blank lists the most recently active sessions
 * @param limit at most this many hits, 1 to {@link SessionSearch#MAX_LIMIT}; null means
 *              {@link SessionSearch#DEFAULT_LIMIT}
 * @param includeArchived whether archived sessions are searched too
 * @param leavesOnly whether only sessions no other session continues are searched (what hld's REST
 *                   search returns)
 */
public record SearchQuery(String text, Integer limit, boolean includeArchived, boolean leavesOnly) {
    public SearchQuery {
        requireNonNull(text, "text is null");
    }

    /** Searches every non-archived session for {@code text}, with the default limit. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, false, false);
    }
}
