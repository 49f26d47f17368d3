package io.agentd.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * A test seam, off unless {@link DatabaseOptions#faultFile()} names a control file: before each write
 * transaction the writer reads that file and lets SQLite itself refuse writes the way a full disk or a
 * read-only file would, so fault tests can run the daemon's real error paths without root, a small mount
 * or a filled disk. The file holds one word:
 *
 * <ul>
 *   <li>{@code full}: {@code PRAGMA max_page_count} is lowered to the current size, so every write that
 *       needs a new page fails with {@code SQLITE_FULL}, as on a full disk (SQLite then abandons the whole
 *       transaction, as it does for a real {@code ENOSPC});</li>
 *   <li>{@code read-only}: {@code PRAGMA query_only}, so every write transaction fails with
 *       {@code SQLITE_READONLY};</li>
 *   <li>anything else, or no file: normal writes.</li>
 * </ul>
 *
 * Only the writer connection is affected; reads keep working, as they do on a full or read-only disk.
 */
final class WriteFaults {
    private static final Logger log = LoggerFactory.getLogger(WriteFaults.class);

    /** What the control file asks for. */
    enum Mode { NONE, FULL, READ_ONLY }

    private final Path control;
    private Mode applied = Mode.NONE;
    private long normalMaxPages = -1;

    private WriteFaults(Path control) {
        this.control = control;
    }

    /** The seam for {@code control}, or none at all when it is null. */
    static WriteFaults of(Path control) {
        return control == null ? null : new WriteFaults(control.toAbsolutePath());
    }

    /** Brings the writer connection in line with the control file; runs on the writer thread between transactions. */
    void apply(Connection writer) {
        Mode wanted = read();
        if (wanted == applied) {
            return;
        }
        try (Statement s = writer.createStatement()) {
            if (normalMaxPages < 0) {
                normalMaxPages = single(s, "PRAGMA max_page_count");
            }
            s.execute("PRAGMA query_only = " + (wanted == Mode.READ_ONLY ? "ON" : "OFF"));
            long maxPages = wanted == Mode.FULL ? single(s, "PRAGMA page_count") : normalMaxPages;
            single(s, "PRAGMA max_page_count = " + maxPages);
            log.warn("test fault control {}: writes now {}", control, switch (wanted) {
                case NONE -> "normal";
                case FULL -> "fail as on a full disk (max_page_count " + maxPages + ")";
                case READ_ONLY -> "fail as on a read-only file (query_only)";
            });
            applied = wanted;
        } catch (SQLException e) {
            log.warn("test fault control {}: cannot apply {}: {}", control, wanted, e.getMessage());
        }
    }

    private Mode read() {
        try {
            return switch (Files.readString(control, StandardCharsets.UTF_8).trim().toLowerCase(Locale.ROOT)) {
                case "full" -> Mode.FULL;
                case "read-only" -> Mode.READ_ONLY;
                default -> Mode.NONE;
            };
        } catch (NoSuchFileException e) {
            return Mode.NONE;
        } catch (IOException e) {
            log.warn("test fault control {}: cannot read: {}", control, e.getMessage());
            return applied;
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
