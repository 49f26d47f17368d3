package io.agentd.store.search;

import io.agentd.store.session.SessionRow;

import static java.util.Objects.requireNonNull;

/**
 * One session a search found.
 *
 * @param session the session as stored, so a transport can render it in full (hld's REST search answers
 *                whole sessions)
 * @param field which part matched best; null when the query was empty and the hit is just a recent session
 * @param snippet an excerpt of the best-matching text; {@link SearchSnippet#NONE} when {@code field} is null
 * @param rank FTS5's bm25 score of the best match: lower is better, 0 for an empty query
 */
public record SearchHit(SessionRow session, SearchField field, SearchSnippet snippet, double rank) {
    public SearchHit {
        requireNonNull(session, "session is null");
        requireNonNull(snippet, "snippet is null");
    }
}
