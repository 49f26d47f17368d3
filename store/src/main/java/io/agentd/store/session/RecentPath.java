package io.agentd.store.session;

import java.time.Instant;

/** A working directory sessions were launched in, most recently used first. */
public record RecentPath(String path, Instant lastUsed, long usageCount) {
}
