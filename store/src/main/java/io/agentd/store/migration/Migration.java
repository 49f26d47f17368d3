package io.agentd.store.migration;

import static java.util.Objects.requireNonNull;

/**
 * One numbered schema step: a SQL resource applied in a single transaction that also sets
 * {@code PRAGMA user_version} to {@code version}.
 */
public record Migration(int version, String description, String resource) {
    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive");
        }
        requireNonNull(description, "description is null");
        requireNonNull(resource, "resource is null");
    }
}
