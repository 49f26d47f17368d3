package io.agentd.store.search;

import io.agentd.store.jdbc.ResultColumns;
import io.agentd.store.jdbc.Sql;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Full-text search over {@code session_search} (titles, queries, summaries) and {@code conversation_search}
 * (message text, tool names, file paths, tool results), both kept in step by the triggers of migration 6.
 * Ranks by each index's {@code rank} (bm25; session_search weighs a title most, see migration 6), best first, ties going to the most recently active session; one hit per session, from its
 * best-matching text. Stateless; every method runs on the connection it is given.
 */
public final class SearchRepository {
    /** Marks FTS5's snippet() puts around a match: Unicode noncharacters, which no real text contains. */
    private static final char OPEN = '\uFDD0';
    private static final char CLOSE = '\uFDD1';
    private static final String MARKS = "'" + OPEN + "', '" + CLOSE + "', '…', " + 16;
    /** Conversation events ranked per hit asked for, before widening: see {@link #conversationCandidates}. */
    private static final int CANDIDATES_PER_HIT = 20;
    private static final List<SearchField> SESSION_FIELDS = List.of(SearchField.TITLE, SearchField.QUERY,
            SearchField.SUMMARY);
    private static final List<SearchField> CONVERSATION_FIELDS = List.of(SearchField.MESSAGE, SearchField.TOOL,
            SearchField.PATH, SearchField.RESULT);

    private final SessionRepository sessions = new SessionRepository();

    /** The best hits for {@code criteria}; for an empty query, the most recently active sessions. */
    public List<SearchHit> search(Connection c, SearchCriteria criteria) throws SQLException {
        String where = filter(criteria);
        if (criteria.query().isEmpty()) {
            List<String> ids = Sql.list(c, "SELECT s.id FROM sessions s WHERE 1 = 1" + where
                    + " ORDER BY s.last_activity_at DESC, s.created_at DESC LIMIT ?", rs -> rs.getString(1), criteria.limit());
            List<SearchHit> hits = new ArrayList<>(ids.size());
            for (String id : ids) {
                sessions.find(c, id).ifPresent(s -> hits.add(new SearchHit(s, null, SearchSnippet.NONE, 0)));
            }
            return hits;
        }
        String match = criteria.query().expression();
        Map<String, Candidate> best = new HashMap<>();
        // A session's own texts: few rows, one per session.
        for (Candidate k : Sql.list(c, "SELECT m.session_id, m.rowid, m.rank AS score, s.last_activity_at"
                        + " FROM session_search m JOIN sessions s ON s.id = m.session_id"
                        + " WHERE session_search MATCH ?" + where
                        + " ORDER BY score, s.last_activity_at DESC LIMIT ?",
                rs -> Candidate.of(rs, false), match, criteria.limit())) {
            best.merge(k.sessionId(), k, Candidate::better);
        }
        conversationCandidates(c, match, where, criteria.limit()).forEach(k -> best.merge(k.sessionId(), k, Candidate::better));
        List<Candidate> ranked = best.values().stream().sorted(Candidate.ORDER).limit(criteria.limit()).toList();
        List<SearchHit> hits = new ArrayList<>(ranked.size());
        for (Candidate k : ranked) {
            Optional<SessionRow> session = sessions.find(c, k.sessionId());
            if (session.isPresent()) {
                Match m = k.conversation() ? snippet(c, "conversation_search", CONVERSATION_FIELDS, match, k.rowid())
                        : snippet(c, "session_search", SESSION_FIELDS, match, k.rowid());
                hits.add(new SearchHit(session.get(), m.field(), m.snippet(), k.score()));
            }
        }
        return hits;
    }

    /**
     * The best-matching event of each of the {@code limit} best sessions. A common word can match a large
     * share of a million events, and ranking them all and joining each to its session costs more than the
     * ranking alone; so only the best {@code CANDIDATES_PER_HIT * limit} events are looked at first (FTS5
     * ranks them without reading the events), then, if they do not cover {@code limit} sessions, eight
     * times as many, and so on, until the matches run out.
     */
    private static List<Candidate> conversationCandidates(Connection c, String match, String where, int limit)
            throws SQLException {
        for (long window = (long) limit * CANDIDATES_PER_HIT; ; window *= 8) {
            // The filter is a column rather than a WHERE, so that fewer rows than the window means no more matches.
            List<Optional<Candidate>> rows = Sql.list(c, "SELECT e.session_id, t.rowid, t.score, s.last_activity_at,"
                            + " (1 = 1" + where + ") AS eligible"
                            + " FROM (SELECT rowid, rank AS score FROM conversation_search"
                            + "       WHERE conversation_search MATCH ? ORDER BY rank LIMIT ?) t"
                            + " JOIN conversation_events e ON e.id = t.rowid JOIN sessions s ON s.id = e.session_id",
                    rs -> ResultColumns.bool(rs, 5) ? Optional.of(Candidate.of(rs, true)) : Optional.<Candidate>empty(),
                    match, window);
            Map<String, Candidate> bySession = new LinkedHashMap<>();
            rows.forEach(k -> k.ifPresent(e -> bySession.merge(e.sessionId(), e, Candidate::better)));
            if (bySession.size() >= limit || rows.size() < window) {
                return bySession.values().stream().sorted(Candidate.ORDER).limit(limit).toList();
            }
        }
    }

    private static String filter(SearchCriteria criteria) {
        StringBuilder where = new StringBuilder(" AND s.status NOT IN ('draft', 'discarded')");
        if (!criteria.includeArchived()) {
            where.append(" AND s.archived = 0");
        }
        if (criteria.leavesOnly()) {
            where.append(" AND NOT EXISTS (SELECT 1 FROM sessions k WHERE k.parent_session_id = s.id)");
        }
        return where.toString();
    }

    /**
     * The excerpt of one indexed row: each field's snippet, and the field with the most matched terms
     * (the first of them on a tie: a title before a query, a message before a tool result).
     */
    private static Match snippet(Connection c, String table, List<SearchField> fields, String match, long rowid)
            throws SQLException {
        int first = table.equals("session_search") ? 1 : 0;
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < fields.size(); i++) {
            select.append(i == 0 ? "" : ", ").append("snippet(").append(table).append(", ").append(first + i)
                    .append(", ").append(MARKS).append(")");
        }
        select.append(" FROM ").append(table).append(" WHERE ").append(table).append(" MATCH ? AND rowid = ?");
        return Sql.one(c, select.toString(), rs -> {
            Match chosen = null;
            for (int i = 0; i < fields.size(); i++) {
                SearchSnippet s = SearchSnippet.fromMarked(rs.getString(i + 1), OPEN, CLOSE);
                if (!s.highlights().isEmpty()
                        && (chosen == null || s.highlights().size() > chosen.snippet().highlights().size())) {
                    chosen = new Match(fields.get(i), s);
                }
            }
            // Every term may have matched a different field: then the first field with any of them stands.
            return chosen;
        }, match, rowid).orElse(new Match(fields.getFirst(), SearchSnippet.NONE));
    }

    private record Match(SearchField field, SearchSnippet snippet) {
    }

    /** The best-matching indexed row of one session so far. */
    private record Candidate(String sessionId, long rowid, double score, long lastActivity, boolean conversation) {
        static final Comparator<Candidate> ORDER = Comparator.comparingDouble(Candidate::score)
                .thenComparing(Comparator.comparingLong(Candidate::lastActivity).reversed())
                .thenComparing(Candidate::sessionId);

        static Candidate of(ResultSet rs, boolean conversation) throws SQLException {
            return new Candidate(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getLong(4), conversation);
        }

        /** bm25 is lower for a better match; a tie keeps the session's own text. */
        Candidate better(Candidate other) {
            return other.score < score ? other : this;
        }
    }
}
