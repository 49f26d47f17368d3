package io.agentd.store;

import java.sql.SQLException;

import static java.util.Objects.requireNonNull;

/**
 * An unchecked failure of the store. {@link #kind()} tells callers whether the cause is something a
 * user can act on (a read-only or full disk) so they can answer with a clear message instead of a
 * driver string.
 */
public final class StoreException extends RuntimeException {
    /** What went wrong, coarsely, in terms a client can be told. */
    public enum Kind {
        READ_ONLY("the database is read-only"),
        DISK_FULL("the disk holding the database is full"),
        BUSY("the database is locked by another process"),
        CORRUPT("the database file is damaged"),
        CLOSED("the store is closed"),
        OTHER("database error");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Kind kind;

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = requireNonNull(kind, "kind is null");
    }

    public Kind kind() {
        return kind;
    }

    /** Classifies a driver exception by SQLite's primary result code. */
    public static StoreException from(String action, SQLException e) {
        Kind kind = switch (e.getErrorCode() & 0xff) {
            case 8 -> Kind.READ_ONLY;   // SQLITE_READONLY
            case 13 -> Kind.DISK_FULL;  // SQLITE_FULL
            case 5, 6 -> Kind.BUSY;     // SQLITE_BUSY, SQLITE_LOCKED
            case 11, 26 -> Kind.CORRUPT; // SQLITE_CORRUPT, SQLITE_NOTADB
            default -> Kind.OTHER;
        };
        return new StoreException(kind, action + ": " + kind.description() + " (" + e.getMessage() + ")", e);
    }
}
