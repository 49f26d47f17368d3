package io.agentd.store.stats;

/**
 * Row counts for {@code /debug-info}.
 *
 * @param tableCount the database's tables (SQLite's own and FTS shadow tables excluded)
 * @param events conversation events (hld's {@code events} count means the same)
 */
public record DatabaseStats(int tableCount, long sessions, long approvals, long events) {
}
