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
        READ_ONLY("database is read-only", "the database is read-only", true),
        DISK_FULL("database is full", "the disk holding the database is full", true),
        IO_ERROR("database I/O error", "the disk holding the database failed a read or write", true),
        BUSY("database is busy", "the database is locked by another process", true),
        CORRUPT("database is damaged", "the database file is damaged", true),
        CLOSED("database is closed", "the store is closed", false),
        OTHER("database error", "database error", false);

        private final String summary;
        private final String description;
        private final boolean storeFault;

        Kind(String summary, String description, boolean storeFault) {
            this.summary = summary;
            this.description = description;
            this.storeFault = storeFault;
        }

        /** A few words for the start of a client-facing message, e.g. "database is full". */
        public String summary() {
            return summary;
        }

        public String description() {
            return description;
        }

        /**
         * Whether the database itself cannot take writes right now (full, read-only, failing, locked,
         * damaged), as opposed to one statement being refused (a constraint) or the store being closed.
         */
        public boolean storeFault() {
            return storeFault;
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
            case 10 -> Kind.IO_ERROR;   // SQLITE_IOERR
            case 5, 6 -> Kind.BUSY;     // SQLITE_BUSY, SQLITE_LOCKED
            case 11, 26 -> Kind.CORRUPT; // SQLITE_CORRUPT, SQLITE_NOTADB
            default -> Kind.OTHER;
        };
        return new StoreException(kind, action + ": " + kind.description() + " (" + e.getMessage() + ")", e);
    }
}
