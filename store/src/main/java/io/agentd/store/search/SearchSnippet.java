package io.agentd.store.search;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A short excerpt around a match, as plain text, with the matched terms as ranges rather than markup: a
 * terminal, a web page or a JSON client each mark them its own way, and no text can inject markup.
 *
 * @param text the excerpt; {@code …} where it was cut
 * @param highlights the matched ranges, in order, as offsets into {@code text} in UTF-16 code units
 *                   (JavaScript string indices)
 */
public record SearchSnippet(String text, List<Highlight> highlights) {
    /** No excerpt: what a hit without a matched text carries. */
    public static final SearchSnippet NONE = new SearchSnippet("", List.of());

    public SearchSnippet {
        requireNonNull(text, "text is null");
        highlights = List.copyOf(highlights);
    }

    /**
     * One matched range.
     *
     * @param start first code unit, inclusive
     * @param end last code unit, exclusive
     */
    public record Highlight(int start, int end) {
        public Highlight {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad range " + start + ".." + end);
            }
        }
    }

    /**
     * Reads an excerpt that marks its matches with {@code open} and {@code close} characters (what FTS5's
     * {@code snippet()} returns), removing the marks.
     */
    static SearchSnippet fromMarked(String marked, char open, char close) {
        if (marked == null) {
            return NONE;
        }
        StringBuilder text = new StringBuilder(marked.length());
        List<Highlight> highlights = new java.util.ArrayList<>();
        int start = -1;
        for (int i = 0; i < marked.length(); i++) {
            char ch = marked.charAt(i);
            if (ch == open) {
                start = text.length();
            } else if (ch == close) {
                if (start >= 0 && text.length() > start) {
                    highlights.add(new Highlight(start, text.length()));
                }
                start = -1;
            } else {
                text.append(ch);
            }
        }
        return new SearchSnippet(text.toString(), highlights);
    }
}
