package io.agentd.store;

import io.agentd.store.migration.Migrations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.agentd.store.DatabaseRefusedException.Reason.FOREIGN_DATABASE;
import static io.agentd.store.DatabaseRefusedException.Reason.HLD_DATABASE;
import static io.agentd.store.DatabaseRefusedException.Reason.NEWER_SCHEMA;
import static io.agentd.store.DatabaseRefusedException.Reason.NOT_SQLITE;

/**
 * Decides, before anything writes to it, whether an existing file may become agentd's database.
 * Looks at the 16-byte SQLite header first, then opens the file read-only (so neither the file nor its
 * WAL is ever modified) to read the application id, schema version and table names.
 */
final class DatabaseInspector {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private DatabaseInspector() {
    }

    /** Returns normally when the file is absent, empty, blank SQLite or agentd's own; throws otherwise. */
    static void check(Path file) {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return;
            }
            if (!hasSqliteHeader(file)) {
                throw new DatabaseRefusedException(NOT_SQLITE, file,
                        file + " is not a SQLite database; agentd refuses to use or change it (pass another --db)");
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.OTHER, "cannot read " + file + ": " + e.getMessage(), e);
        }
        try (Connection c = SqliteConnections.reader(file, Duration.ofSeconds(5)); Statement s = c.createStatement()) {
            int applicationId = intPragma(s, "application_id");
            int userVersion = intPragma(s, "user_version");
            List<String> tables = tables(s);
            verdict(file, applicationId, userVersion, tables);
        } catch (SQLException e) {
            if ((e.getErrorCode() & 0xff) == 26 || (e.getErrorCode() & 0xff) == 11) {
                throw new DatabaseRefusedException(NOT_SQLITE, file,
                        file + " is not a readable SQLite database (" + e.getMessage() + "); agentd refuses to use or change it");
            }
            throw StoreException.from("inspect " + file, e);
        }
    }

    private static void verdict(Path file, int applicationId, int userVersion, List<String> tables) {
        if (applicationId == Migrations.APPLICATION_ID) {
            if (userVersion > Migrations.latestVersion()) {
                throw new DatabaseRefusedException(NEWER_SCHEMA, file, file + " was written by a newer agentd (schema version "
                        + userVersion + ", this build knows up to " + Migrations.latestVersion()
                        + "); upgrade agentd or pass another --db");
            }
            return;
        }
        if (applicationId == 0 && tables.isEmpty()) {
            return; // A blank SQLite file: nothing to lose by adopting it.
        }
        if (applicationId == 0 && tables.contains("schema_version") && tables.contains("sessions")) {
            throw new DatabaseRefusedException(HLD_DATABASE, file, file + " is an hld (HumanLayer daemon) database; "
                    + "agentd keeps its own file and never writes to hld's — pass another --db");
        }
        throw new DatabaseRefusedException(FOREIGN_DATABASE, file, file + " belongs to another application (application_id "
                + applicationId + ", tables " + tables + "); agentd refuses to use or change it — pass another --db");
    }

    private static boolean hasSqliteHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC);
        }
    }

    private static int intPragma(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static List<String> tables(Statement s) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
