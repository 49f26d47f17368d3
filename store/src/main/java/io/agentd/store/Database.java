package io.agentd.store;

import io.agentd.store.migration.MigrationRunner;
import io.agentd.store.migration.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import static java.util.Objects.requireNonNull;

/**
 * agentd's SQLite database: one writer thread that batches work into {@code BEGIN IMMEDIATE}
 * transactions, and a pool of read-only connections. Opening inspects the file first and refuses
 * anything that is not agentd's (see {@link DatabaseRefusedException}), then applies migrations.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final FileChannel lock;
    private final Writer writer;
    private final ReaderPool readers;
    private final Checkpointer checkpointer;

    private Database(Path file, FileChannel lock, Writer writer, ReaderPool readers, Checkpointer checkpointer) {
        this.file = file;
        this.lock = lock;
        this.writer = writer;
        this.readers = readers;
        this.checkpointer = checkpointer;
    }

    /**
     * Opens (creating when absent) and migrates the database.
     *
     * @throws DatabaseRefusedException when the file is not agentd's; it is left untouched
     * @throws StoreException when the file cannot be opened or migrated
     */
    public static Database open(DatabaseOptions options) {
        requireNonNull(options, "options is null");
        Path file = options.file().toAbsolutePath();
        createParent(file);
        DatabaseInspector.check(file);
        secureFiles(file);
        FileChannel lock = lock(file);
        Connection connection;
        try {
            connection = SqliteConnections.writer(file, options.busyTimeout());
        } catch (SQLException e) {
            closeQuietly(lock);
            throw StoreException.from("open " + file, e);
        }
        try {
            MigrationRunner.migrate(connection, Migrations.all());
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            closeQuietly(lock);
            throw e instanceof SQLException sql ? StoreException.from("migrate " + file, sql) : (RuntimeException) e;
        }
        Checkpointer checkpointer;
        try (Statement s = connection.createStatement()) {
            // Checkpoints run on their own thread (see Checkpointer), never inside a commit.
            s.execute("PRAGMA wal_autocheckpoint = 0");
            checkpointer = new Checkpointer(file, options.busyTimeout(), Duration.ofMillis(500));
        } catch (SQLException e) {
            closeQuietly(connection);
            closeQuietly(lock);
            throw StoreException.from("configure " + file, e);
        }
        log.debug("database {} at schema version {}", file, Migrations.latestVersion());
        return new Database(file, lock, new Writer(connection, options.maxBatch(), WriteFaults.of(options.faultFile())),
                new ReaderPool(file, options.readers(), options.busyTimeout()), checkpointer);
    }

    public Path file() {
        return file;
    }

    /** Queues a write; the future completes after the transaction holding it has committed. */
    public <T> CompletableFuture<T> writeAsync(WriteWork<T> work) {
        return writer.submit(work);
    }

    /** Runs a write and waits for its commit. Domain exceptions thrown by the work pass through. */
    public <T> T write(WriteWork<T> work) {
        try {
            return writer.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(StoreException.Kind.OTHER, "write interrupted", e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /**
     * Whether the database currently takes writes: bad from a write refused by the database itself (full,
     * read-only, I/O error, locked, damaged) until a later transaction stores a change.
     */
    public StoreHealth health() {
        return writer.health();
    }

    /** Runs a read on a read-only connection. */
    public <T> T read(ReadWork<T> work) {
        return readers.read(work);
    }

    /**
     * Starts a read on a read-only connection and returns at once, so the caller can use the previous result
     * meanwhile (one page of a long answer is read while the one before is sent). The future fails with what
     * {@link #read} would throw, wrapped in a {@link CompletionException}; {@link #unwrap} takes it out.
     *
     * @throws StoreException if the store is closed
     */
    public <T> CompletableFuture<T> readAsync(ReadWork<T> work) {
        return readers.readAsync(work);
    }

    /** Unwraps a failed write future into the exception the work threw. */
    public static RuntimeException unwrap(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof SQLException sql) {
            return StoreException.from("write", sql);
        }
        return new StoreException(StoreException.Kind.OTHER, String.valueOf(cause), cause);
    }

    @Override
    public void close() {
        writer.close();
        readers.close();
        checkpointer.close();
        try {
            // Fold the WAL back so the file is self-contained after a clean shutdown.
            writer.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            log.debug("checkpoint at close: {}", e.getMessage());
        }
        closeQuietly(writer.connection());
        closeQuietly(lock);
    }

    /**
     * One agentd per database: SQLite would let two daemons share the file, but both would supervise
     * (and re-attach, and mark) the same sessions. An OS lock on a sibling file dies with its process.
     */
    private static FileChannel lock(Path file) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try {
            FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PrivateFiles.fileMode());
            FileLock held;
            try {
                held = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                held = null;
            }
            if (held == null) {
                channel.close();
                throw new StoreException(StoreException.Kind.BUSY, file + " is in use by another agentd process", null);
            }
            return channel;
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.OTHER, "cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("close lock: {}", e.getMessage());
        }
    }

    /**
     * Creates the database file 0600 before SQLite does, because SQLite gives its {@code -wal} and
     * {@code -shm} files the database file's mode; files found looser (from an older agentd, or created in a
     * 0755 folder) are tightened, and the log says so. Runs after the inspection, so a file agentd refuses is
     * left untouched.
     */
    private static void secureFiles(Path file) {
        try {
            PrivateFiles.createOrTighten(file);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.OTHER, "cannot create " + file + ": " + e.getMessage(), e);
        }
        for (String suffix : new String[] {"-wal", "-shm", "-journal", ".lock"}) {
            PrivateFiles.tighten(file.resolveSibling(file.getFileName() + suffix));
        }
    }

    private static void createParent(Path file) {
        Path dir = file.getParent();
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.OTHER, "cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("close: {}", e.getMessage());
        }
    }
}
