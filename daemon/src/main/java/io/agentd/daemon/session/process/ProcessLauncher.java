package io.agentd.daemon.session.process;

import io.agentd.store.PrivateFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Starts a Claude process so that it outlives the daemon: in its own session and process group
 * ({@code setsid}), stdin from {@code /dev/null}, stdout and stderr into spool files rather than pipes,
 * under a tiny {@code /bin/sh} wrapper that records the exit code in the spool when Claude ends, even
 * with no daemon alive to see it. The wrapper passes Claude's argv through {@code "$@"}: nothing is
 * ever interpolated into shell code.
 */
public final class ProcessLauncher {
    /**
     * The wrapper. Traps INT/TERM/HUP so that a signal to the group reaches Claude (which resets caught
     * signals to their defaults on exec) while the wrapper lives on to write the exit code. Claude runs in
     * the foreground: a background job of a non-interactive shell would ignore SIGINT.
     */
    static final String WRAPPER = """
            trap ':' INT TERM HUP
            spool=$1
            shift
            "$@" >"$spool/stdout" 2>"$spool/stderr" </dev/null
            code=$?
            printf '%s\\n' "$code" >"$spool/exit.tmp" && mv -f "$spool/exit.tmp" "$spool/exit"
            """;

    private final Path setsid;

    private ProcessLauncher(Path setsid) {
        this.setsid = setsid;
    }

    /** Finds {@code setsid}; without it sessions could not be signalled as a group or outlive the daemon. */
    public static ProcessLauncher create() {
        Optional<Path> found = Stream.of("/usr/bin/setsid", "/bin/setsid", "/usr/local/bin/setsid")
                .map(Path::of).filter(Files::isExecutable).findFirst();
        return new ProcessLauncher(found.orElse(null));
    }

    /** A started process: its identity, and the handle while this daemon is its parent. */
    public record Started(ProcessIdentity identity, Process process) {
    }

    /**
     * Starts {@code argv} in {@code workingDir} with output spooled to {@code spool}.
     *
     * @throws IOException when the process cannot be started
     */
    public Started start(List<String> argv, Path workingDir, SpoolPaths spool) throws IOException {
        if (setsid == null) {
            throw new IOException("setsid (util-linux) not found; agentd needs it to run sessions in their own process group");
        }
        Files.createDirectories(spool.dir(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // The wrapper's ">" keeps an existing file's mode; created by the shell they would get the umask's.
        PrivateFiles.createOrTighten(spool.stdout());
        PrivateFiles.createOrTighten(spool.stderr());
        List<String> command = new ArrayList<>(List.of(setsid.toString(), "/bin/sh", "-c", WRAPPER, "agentd-session",
                spool.dir().toString()));
        command.addAll(argv);
        Process process = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        ProcessIdentity identity = ProcessIdentity.of(process.pid())
                .orElseGet(() -> new ProcessIdentity(process.pid(), null));
        return new Started(identity, process);
    }
}
