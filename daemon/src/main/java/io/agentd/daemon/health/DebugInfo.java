package io.agentd.daemon.health;

import java.time.Instant;
import java.util.Map;

/**
 * Facts about the daemon's database for bug reports ({@code GET /debug-info}).
 *
 * @param size bytes of the database file (its WAL excluded)
 * @param lastModified when the file last changed; null when unknown
 * @param stats row counts: {@code sessions}, {@code approvals}, {@code events} (conversation events)
 * @param cliCommand the command line of the approvals MCP server injected into sessions; empty when none
 */
public record DebugInfo(String path, long size, Instant lastModified, int tableCount, Map<String, Long> stats,
                        String cliCommand) {
    public DebugInfo {
        stats = Map.copyOf(stats);
    }
}
