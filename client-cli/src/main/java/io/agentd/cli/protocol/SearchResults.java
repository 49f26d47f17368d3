package io.agentd.cli.protocol;

import io.agentd.protocol.session.SessionInfo;
import java.util.List;

/** Result of {@code searchSessions}: the hits, best first. */
public record SearchResults(List<Hit> results) {
    public SearchResults {
        results = results == null ? List.of() : List.copyOf(results);
    }

    /**
     * One session found.
     *
     * @param session the session
     * @param matchedField where the best match is ({@code title}, {@code message}, {@code path} …); null for
     *                     a recent session listed for an empty query
     * @param snippet an excerpt of the matched text
     * @param highlights the matched words of {@code snippet}, as UTF-16 offsets
     */
    public record Hit(SessionInfo session, String matchedField, String snippet, List<Range> highlights) {
        public Hit {
            snippet = snippet == null ? "" : snippet;
            highlights = highlights == null ? List.of() : List.copyOf(highlights);
        }
    }

    /** A matched range of a snippet: [start, end). */
    public record Range(int start, int end) {
    }
}
