package io.agentd.cli.protocol;

import static java.util.Objects.requireNonNull;

/** Params of {@code getSessionLeaves}: {@code normal}, {@code archived}, or empty for every leaf. */
public record LeavesFilter(String filter) {
    public LeavesFilter {
        requireNonNull(filter, "filter is null");
    }
}
