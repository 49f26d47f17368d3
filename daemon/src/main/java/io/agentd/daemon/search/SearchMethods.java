package io.agentd.daemon.search;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.session.api.SessionWire;
import io.agentd.protocol.session.SessionInfo;
import io.agentd.store.search.SearchHit;
import io.agentd.store.search.SearchSnippet;
import java.util.List;

/**
 * The JSON-RPC binding of {@link SessionSearch}: {@code searchSessions}, an agentd addition. Binds the
 * params, calls the service and shapes its hits for the wire; nothing else.
 */
public final class SearchMethods {
    private final SessionSearch search;

    public SearchMethods(SessionSearch search) {
        this.search = requireNonNull(search, "search is null");
    }

    public void register(MethodRegistry registry) {
        registry.register("searchSessions", SearchSessionsParams.class, (params, context) -> searchSessions(params));
    }

    SearchSessionsResult searchSessions(SearchSessionsParams params) {
        SearchQuery query = new SearchQuery(params.query(), params.limit(),
                Boolean.TRUE.equals(params.includeArchived()), false);
        return new SearchSessionsResult(search.search(query).stream().map(HitView::from).toList());
    }

    /**
     * Params of {@code searchSessions}.
     *
     * @param query the words to find; required (an empty string lists recent sessions)
     * @param limit 1 to 50 hits, default 10
     * @param includeArchived search archived sessions too; default false
     */
    public record SearchSessionsParams(String query, Integer limit, Boolean includeArchived) {
        public SearchSessionsParams {
            if (query == null) {
                throw AgentdException.invalidParams("query is required");
            }
        }
    }

    /** Result of {@code searchSessions}: the hits, best first. */
    public record SearchSessionsResult(List<HitView> results) {
    }

    /**
     * One hit on the wire.
     *
     * @param session the session, as {@code listSessions} shows it
     * @param matchedField {@code title}, {@code query}, {@code summary}, {@code message}, {@code tool},
     *                     {@code path} or {@code result}; absent for a recent session listed for an empty query
     * @param snippet the excerpt, plain text
     * @param highlights the matched ranges of {@code snippet}, as [start, end) offsets in UTF-16 code units
     * @param rank bm25 score, lower is better
     */
    public record HitView(SessionInfo session, String matchedField, String snippet, List<Range> highlights,
                          double rank) {
        static HitView from(SearchHit hit) {
            return new HitView(SessionWire.info(hit.session()),
                    hit.field() == null ? null : hit.field().wireName(), hit.snippet().text(),
                    hit.snippet().highlights().stream().map(Range::from).toList(), hit.rank());
        }
    }

    /** A highlighted range of a snippet. */
    public record Range(int start, int end) {
        static Range from(SearchSnippet.Highlight h) {
            return new Range(h.start(), h.end());
        }
    }
}
