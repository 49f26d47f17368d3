package io.agentd.store.search;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A user's search words as an FTS5 MATCH expression that can never be a syntax error: each
 * whitespace-separated word becomes a quoted string (inner quotes doubled), so {@code AND}, {@code NEAR},
 * {@code -}, {@code :} or parentheses are just words. All words must match (in any field, in any order).
 * A word ending in {@code *} matches as a prefix ({@code migr*} finds "migration"); a {@code *} anywhere
 * else separates tokens like any punctuation. A word is split into tokens as the index splits text, so
 * {@code src/Main.java} finds that path as a phrase. Words with no letter or digit are dropped; a query left
 * with none {@link #isEmpty() is empty}.
 */
public final class FtsQuery {
    /** Longest query accepted, in characters. */
    public static final int MAX_LENGTH = 1_000;
    /** Most words accepted: each one is a separate lookup in the index. */
    public static final int MAX_TERMS = 32;

    private final List<String> terms;
    private final String expression;

    private FtsQuery(List<String> terms, String expression) {
        this.terms = List.copyOf(terms);
        this.expression = expression;
    }

    /**
     * Parses what a user typed.
     *
     * @throws IllegalArgumentException with a message for the user when the query is longer than
     *                                  {@link #MAX_LENGTH} or has more than {@link #MAX_TERMS} words
     */
    public static FtsQuery parse(String text) {
        requireNonNull(text, "text is null");
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("query is longer than " + MAX_LENGTH + " characters");
        }
        List<String> terms = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            // A NUL would end the expression early inside FTS5's parser; no control character is searchable.
            String clean = word.replaceAll("\\p{Cc}", "");
            boolean prefix = clean.endsWith("*");
            String body = clean.replaceAll("\\*+$", "");
            if (!hasTokenCharacter(body)) {
                continue;
            }
            terms.add(body);
            phrases.add('"' + body.replace("\"", "\"\"") + '"' + (prefix ? "*" : ""));
        }
        if (terms.size() > MAX_TERMS) {
            throw new IllegalArgumentException("query has more than " + MAX_TERMS + " words");
        }
        return new FtsQuery(terms, String.join(" ", phrases));
    }

    /** Whether no word is left to search for. */
    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The words searched for, without quoting and prefix marks. */
    public List<String> terms() {
        return terms;
    }

    /** The MATCH expression; empty when {@link #isEmpty()}. Bind it as a parameter, never splice it into SQL. */
    public String expression() {
        return expression;
    }

    /** Letters, digits and private-use characters are what FTS5's unicode61 tokenizer keeps. */
    private static boolean hasTokenCharacter(String s) {
        return s.codePoints().anyMatch(cp -> Character.isLetterOrDigit(cp)
                || Character.getType(cp) == Character.LETTER_NUMBER
                || Character.getType(cp) == Character.OTHER_NUMBER
                || Character.getType(cp) == Character.PRIVATE_USE);
    }

    @Override
    public String toString() {
        return expression;
    }
}
