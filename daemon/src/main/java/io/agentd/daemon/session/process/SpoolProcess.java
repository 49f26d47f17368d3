package io.agentd.daemon.session.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a spool says about its process, from the {@code pid} file the wrapper links into place before it runs
 * Claude (see {@link ProcessLauncher}). This is how a daemon finds a process the previous one started but
 * died before storing.
 */
public final class SpoolProcess {
    /** A process started up to this long before its pid file was written still counts as that process. */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(2);

    private SpoolProcess() {
    }

    /** What the spool's pid file tells. */
    public sealed interface State {
    }

    /** No wrapper ever ran for this spool, and now none will: it was claimed. */
    public record NeverRan() implements State {
    }

    /**
     * The wrapper ran as {@code pid}.
     *
     * @param identity the live process, when it still runs (its start time checked against the pid file, so a
     *                 reused pid is not taken for it); empty when it has ended
     */
    public record Ran(long pid, Optional<ProcessIdentity> identity) implements State {
    }

    /**
     * Reads the spool's pid file. When there is none, claims the spool (writes {@link ProcessLauncher#CLAIMED}
     * without replacing anything), so a wrapper that starts only now runs nothing.
     */
    public static State claimOrRead(SpoolPaths spool) throws IOException {
        try {
            Files.createDirectories(spool.dir());
            Files.createFile(spool.pid(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(spool.pid(), ProcessLauncher.CLAIMED + "\n");
            return new NeverRan();
        } catch (FileAlreadyExistsException e) {
            return read(spool);
        }
    }

    private static State read(SpoolPaths spool) throws IOException {
        String text = Files.readString(spool.pid(), StandardCharsets.UTF_8).strip();
        if (text.isEmpty() || text.equals(ProcessLauncher.CLAIMED)) {
            // Empty: our own claim, caught between create and write by a crash.
            return new NeverRan();
        }
        long pid;
        try {
            pid = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return new NeverRan();
        }
        Instant written = Files.getLastModifiedTime(spool.pid()).toInstant();
        Optional<ProcessIdentity> identity = ProcessIdentity.of(pid)
                .filter(id -> !id.startTime().isAfter(written.plus(CLOCK_SLACK)))
                .filter(ProcessIdentity::isAlive);
        return new Ran(pid, identity);
    }
}
