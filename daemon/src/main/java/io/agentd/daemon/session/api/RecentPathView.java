package io.agentd.daemon.session.api;

import io.agentd.store.session.RecentPath;

/** A recently used working directory as {@code getRecentPaths} returns it; {@code last_used} in RFC3339. */
public record RecentPathView(String path, String lastUsed, long usageCount) {
    /** Maps a stored path. */
    public static RecentPathView from(RecentPath path) {
        return new RecentPathView(path.path(), WireTimes.rfc3339(path.lastUsed()), path.usageCount());
    }
}
