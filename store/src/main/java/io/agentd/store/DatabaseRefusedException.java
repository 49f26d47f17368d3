package io.agentd.store;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * The database file exists but is not one agentd may use: not SQLite at all, written by a newer
 * agentd, or another application's database (notably hld's). The file is left untouched.
 */
public final class DatabaseRefusedException extends RuntimeException {
    /** Why the file was refused. */
    public enum Reason { NOT_SQLITE, NEWER_SCHEMA, HLD_DATABASE, FOREIGN_DATABASE }

    private final Reason reason;
    private final Path file;

    public DatabaseRefusedException(Reason reason, Path file, String message) {
        super(message);
        this.reason = requireNonNull(reason, "reason is null");
        this.file = requireNonNull(file, "file is null");
    }

    public Reason reason() {
        return reason;
    }

    public Path file() {
        return file;
    }
}
