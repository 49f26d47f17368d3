package io.agentd.daemon.session.api;

/**
 * Go's {@code omitempty}: hld leaves a field out when it holds its type's zero value. Mapping those values
 * to null lets the daemon mapper (which omits nulls) reproduce it.
 */
final class WireValues {
    private WireValues() {
    }

    /** Null for null or empty. */
    static String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Null for null or zero. */
    static Long nonZero(Long value) {
        return value == null || value == 0 ? null : value;
    }

    /** Null for null or zero. */
    static Double nonZero(Double value) {
        return value == null || value == 0 ? null : value;
    }

    /** The empty string for null: fields hld always sends as strings. */
    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
