package io.agentd.store;

import java.nio.file.Path;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How to open the database.
 *
 * @param file the SQLite file; created (with its directory, mode 0700) when missing
 * @param readers number of read-only connections, each on its own platform thread
 * @param busyTimeout how long a connection waits for a lock held by another process
 * @param maxBatch most write works committed in one transaction
 * @param faultFile a test seam: the control file of {@link WriteFaults}; null (always, outside fault tests) for none
 */
public record DatabaseOptions(Path file, int readers, Duration busyTimeout, int maxBatch, Path faultFile) {
    public DatabaseOptions {
        requireNonNull(file, "file is null");
        requireNonNull(busyTimeout, "busyTimeout is null");
        if (readers < 1) {
            throw new IllegalArgumentException("readers must be at least 1");
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
    }

    public static DatabaseOptions defaults(Path file) {
        return new DatabaseOptions(file, 3, Duration.ofSeconds(5), 512, null);
    }

    /** These options with the fault-injection control file of a fault test (see {@link WriteFaults}). */
    public DatabaseOptions withFaultFile(Path control) {
        return new DatabaseOptions(file, readers, busyTimeout, maxBatch, control);
    }
}
