package io.agentd.daemon.health;

import io.agentd.store.Database;
import io.agentd.store.stats.DatabaseStats;
import io.agentd.store.stats.DatabaseStatsRepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Answers {@code debug-info}: where the database is, how big, and how many rows of each kind it holds. */
public final class DebugInfoService {
    private final Database database;
    private final DatabaseStatsRepository stats;
    private final String cliCommand;

    public DebugInfoService(Database database, DatabaseStatsRepository stats, List<String> approvalsCommand) {
        this.database = requireNonNull(database, "database is null");
        this.stats = requireNonNull(stats, "stats is null");
        this.cliCommand = String.join(" ", requireNonNull(approvalsCommand, "approvalsCommand is null"));
    }

    public DebugInfo debugInfo() {
        Path file = database.file();
        DatabaseStats counts = database.read(stats::stats);
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("sessions", counts.sessions());
        rows.put("approvals", counts.approvals());
        rows.put("events", counts.events());
        long size;
        Instant modified;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            size = 0;
            modified = null;
        }
        return new DebugInfo(file.toString(), size, modified, counts.tableCount(), rows, cliCommand);
    }
}
