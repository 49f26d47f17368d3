package io.agentd.store;

import io.agentd.store.jdbc.StatementCache;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** Opens SQLite connections configured the one way agentd uses them. */
final class SqliteConnections {
    private SqliteConnections() {
    }

    static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /**
     * The single writer: WAL, NORMAL sync (durable across process crashes, cheap), foreign keys, and a
     * statement cache (see {@link StatementCache}).
     */
    static Connection writer(Path file, Duration busyTimeout) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) busyTimeout.toMillis());
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // Else the driver runs an extra "SELECT last_insert_rowid()" after every INSERT; ids come from RETURNING.
        config.setGetGeneratedKeys(false);
        Connection c = config.createConnection(url(file));
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA temp_store = MEMORY");
        }
        return StatementCache.wrap(c, StatementCache.DEFAULT_CAPACITY);
    }

    /** A reader: read-only at the SQLite level, so a bug can never write through it. Caches statements too. */
    static Connection reader(Path file, Duration busyTimeout) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) busyTimeout.toMillis());
        config.enforceForeignKeys(true);
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        Connection c = config.createConnection(url(file));
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA query_only = ON");
        }
        return StatementCache.wrap(c, StatementCache.DEFAULT_CAPACITY);
    }
}
