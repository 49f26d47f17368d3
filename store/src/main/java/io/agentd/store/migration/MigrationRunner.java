package io.agentd.store.migration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies pending migrations on the writer connection. Each migration, its {@code user_version} and
 * its history row commit together, so a crash mid-way leaves the previous version intact.
 */
public final class MigrationRunner {
    private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);

    private MigrationRunner() {
    }

    /** Brings the database to {@link Migrations#latestVersion()}; returns the versions applied. */
    public static List<Integer> migrate(Connection c, List<Migration> migrations) throws SQLException {
        List<Integer> applied = new ArrayList<>();
        for (Migration m : migrations) {
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    if (userVersion(s) >= m.version()) {
                        s.execute("ROLLBACK");
                        continue;
                    }
                    for (String sql : statements(load(m.resource()))) {
                        s.execute(sql);
                    }
                    s.execute("PRAGMA application_id = " + Migrations.APPLICATION_ID);
                    s.execute("PRAGMA user_version = " + m.version());
                    try (PreparedStatement p = c.prepareStatement(
                            "INSERT INTO agentd_migrations (version, description, applied_at) VALUES (?, ?, ?)")) {
                        p.setInt(1, m.version());
                        p.setString(2, m.description());
                        p.setLong(3, System.currentTimeMillis());
                        p.executeUpdate();
                    }
                    s.execute("COMMIT");
                    applied.add(m.version());
                    log.info("applied migration {}: {}", m.version(), m.description());
                } catch (SQLException | RuntimeException e) {
                    s.execute("ROLLBACK");
                    throw e;
                }
            }
        }
        return applied;
    }

    static int userVersion(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String load(String resource) {
        try (InputStream in = MigrationRunner.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + resource, e);
        }
    }

    /**
     * Splits a migration on semicolons at line ends. A {@code CREATE TRIGGER} runs to its {@code END;} line,
     * since its body holds statements of its own; our migrations contain no literals with ';' at a line end.
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            if (current.isEmpty() && trimmed.toUpperCase(Locale.ROOT).startsWith("CREATE TRIGGER")) {
                inTrigger = true;
            }
            current.append(line).append('\n');
            boolean ends = inTrigger ? trimmed.equalsIgnoreCase("END;") : trimmed.endsWith(";");
            if (ends) {
                inTrigger = false;
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
