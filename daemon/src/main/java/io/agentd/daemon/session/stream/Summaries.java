package io.agentd.daemon.session.stream;

import java.util.regex.Pattern;

/** The session summary hld derives from a query ({@code CalculateSummary}). */
public final class Summaries {
    private static final int MAX_CODE_POINTS = 50;
    private static final int KEPT_CODE_POINTS = 47;
    /** Unicode White_Space, the set Go's {@code unicode.IsSpace} splits on (NBSP, U+2028, ...), not only ASCII. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private Summaries() {
    }

    /**
     * Whitespace runs collapsed to one space and trimmed; if longer than 50 code points (Go runes),
     * the first 47 followed by {@code ...}.
     */
    public static String of(String query) {
        if (query == null) {
            return "";
        }
        String collapsed = WHITESPACE.matcher(query).replaceAll(" ").strip();
        if (collapsed.codePointCount(0, collapsed.length()) <= MAX_CODE_POINTS) {
            return collapsed;
        }
        return collapsed.substring(0, collapsed.offsetByCodePoints(0, KEPT_CODE_POINTS)) + "...";
    }
}
