package io.agentd.store;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * Whether the database currently takes writes, as the writer last saw it. It turns bad when a write fails
 * because of the database itself (full, read-only, failing disk, locked, damaged: see
 * {@link StoreException.Kind#storeFault()}) and good again when a later transaction stores a change.
 *
 * @param ok no store fault since the last stored change
 * @param kind the latest fault; null when ok
 * @param error the latest fault's message; null when ok
 * @param since when the first fault of this episode happened; null when ok
 */
public record StoreHealth(boolean ok, StoreException.Kind kind, String error, Instant since) {
    public static final StoreHealth OK = new StoreHealth(true, null, null, null);

    public StoreHealth {
        if (!ok) {
            requireNonNull(kind, "kind is null");
            requireNonNull(error, "error is null");
            requireNonNull(since, "since is null");
        }
    }

    /** This health after {@code fault}: the episode keeps its start, the error is the newest. */
    StoreHealth after(StoreException fault, Instant now) {
        return new StoreHealth(false, fault.kind(), fault.getMessage(), ok ? now : since);
    }
}
