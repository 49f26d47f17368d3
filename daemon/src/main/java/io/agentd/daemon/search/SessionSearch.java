package io.agentd.daemon.search;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.error.AgentdException;
import io.agentd.store.Database;
import io.agentd.store.search.FtsQuery;
import io.agentd.store.search.SearchCriteria;
import io.agentd.store.search.SearchHit;
import io.agentd.store.search.SearchRepository;
import java.util.List;

/**
 * Full-text search of sessions: their titles, queries and summaries and their whole conversations
 * (message text, tool names, file paths, tool results). Every transport calls this; the rules of a search
 * (limits, what a query means, which sessions take part) live here and in {@link FtsQuery}.
 */
public final class SessionSearch {
    /** hld's default number of hits. */
    public static final int DEFAULT_LIMIT = 10;
    /** hld's largest number of hits. */
    public static final int MAX_LIMIT = 50;

    private final Database database;
    private final SearchRepository repository = new SearchRepository();

    public SessionSearch(Database database) {
        this.database = requireNonNull(database, "database is null");
    }

    /**
     * The sessions that best match, best first (bm25; more recent activity first on a tie), one hit per
     * session. Drafts and discarded sessions are never found. A query without letters or digits lists the
     * most recently active sessions.
     *
     * @throws AgentdException of kind {@code INVALID_PARAMS} for a limit out of range, a query over
     *                         {@value FtsQuery#MAX_LENGTH} characters or over {@value FtsQuery#MAX_TERMS} words
     */
    public List<SearchHit> search(SearchQuery query) {
        int limit = query.limit() == null ? DEFAULT_LIMIT : query.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw AgentdException.invalidParams("limit must be between 1 and " + MAX_LIMIT);
        }
        FtsQuery fts;
        try {
            fts = FtsQuery.parse(query.text());
        } catch (IllegalArgumentException e) {
            throw AgentdException.invalidParams(e.getMessage());
        }
        SearchCriteria criteria = new SearchCriteria(fts, limit, query.includeArchived(), query.leavesOnly());
        return database.read(c -> repository.search(c, criteria));
    }
}
