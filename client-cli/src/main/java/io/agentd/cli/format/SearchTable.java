package io.agentd.cli.format;

import static java.util.Objects.requireNonNull;

import io.agentd.cli.protocol.SearchResults;
import java.util.List;

/**
 * Renders {@code agentctl search}: one row per session found, best match first, with the excerpt that
 * matched; the matched words are put in brackets, since a table cut to the terminal's width cannot carry
 * ANSI styles safely.
 */
public final class SearchTable {
    static final List<String> HEADERS = List.of("ID", "STATUS", "TITLE", "FIELD", "SNIPPET");
    private static final int TITLE_WIDTH = 32;

    private final int width;

    public SearchTable(int width) {
        this.width = width;
    }

    public String render(List<SearchResults.Hit> hits) {
        requireNonNull(hits, "hits is null");
        if (hits.isEmpty()) {
            return "no matching sessions\n";
        }
        TextTable table = new TextTable(HEADERS);
        for (SearchResults.Hit hit : hits) {
            table.row(List.of(
                    SessionTable.shortId(hit.session().id()),
                    orDash(hit.session().status()),
                    cut(title(hit)),
                    orDash(hit.matchedField()),
                    marked(hit)));
        }
        return table.render(width);
    }

    /** The snippet with each highlighted range in brackets; ranges outside the text are ignored. */
    static String marked(SearchResults.Hit hit) {
        String text = hit.snippet();
        StringBuilder out = new StringBuilder(text.length() + 2 * hit.highlights().size());
        int at = 0;
        for (SearchResults.Range r : hit.highlights()) {
            if (r.start() < at || r.end() > text.length() || r.end() < r.start()) {
                continue;
            }
            out.append(text, at, r.start()).append('[').append(text, r.start(), r.end()).append(']');
            at = r.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    private static String title(SearchResults.Hit hit) {
        String title = hit.session().title();
        if (title != null && !title.isBlank()) {
            return title;
        }
        String summary = hit.session().summary();
        return summary == null || summary.isBlank() ? orDash(hit.session().query()) : summary;
    }

    private static String cut(String s) {
        return s.length() <= TITLE_WIDTH ? s : s.substring(0, TITLE_WIDTH - 1) + "…";
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
