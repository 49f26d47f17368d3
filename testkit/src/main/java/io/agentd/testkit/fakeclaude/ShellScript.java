package io.agentd.testkit.fakeclaude;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Renders a fake claude as a POSIX sh script. Every value from the test is embedded as a single-quoted
 * literal; the arguments the script is run with only ever appear as {@code "$@"} / {@code "$1"}, so
 * no argument is ever parsed as shell code.
 */
final class ShellScript {
    private ShellScript() {
    }

    static String render(String versionLine, Path argsDir, List<Step> steps, Ending ending) {
        StringBuilder sh = new StringBuilder();
        sh.append("#!/bin/sh\n");
        sh.append("# Fake claude written by agentd's testkit.\n");
        if (ending instanceof Ending.Hang(boolean ignoreSigint) && ignoreSigint) {
            // first of all, so no SIGINT sent after the process printed anything can still kill it
            sh.append("trap '' INT\n");
        }
        // record the argv NUL-separated, one file per process, so concurrent runs do not mix
        // The start time in the name orders the runs: file times can be too coarse to tell two quick runs apart.
        sh.append("printf '%s\\0' \"$@\" > ").append(quote(argsDir.toString())).append("/args.$(date +%s%N).$$\n");
        sh.append("if [ \"$#\" -gt 0 ] && [ \"$1\" = '--version' ]; then\n");
        sh.append("  printf '%s\\n' ").append(quote(versionLine)).append("\n");
        sh.append("  exit 0\n");
        sh.append("fi\n");
        for (Step step : steps) {
            sh.append(render(step)).append('\n');
        }
        sh.append(render(ending)).append('\n');
        return sh.toString();
    }

    private static String render(Step step) {
        return switch (step) {
            case Step.Stdout out -> "printf '%s\\n' " + quote(out.line());
            case Step.Stderr err -> "printf '%s\\n' " + quote(err.line()) + " >&2";
            case Step.StdoutFile file -> "cat " + quote(file.file().toString());
            case Step.Sleep sleep -> "sleep " + seconds(sleep.duration().toMillis());
            case Step.AwaitFile await -> "while [ ! -e " + quote(await.file().toString()) + " ]; do sleep 0.02; done";
            case Step.HugeLine huge -> "{ printf '%s' " + quote(huge.prefix())
                    + "; head -c " + huge.fillBytes() + " /dev/zero | tr '\\0' 'x'"
                    + "; printf '%s\\n' " + quote(huge.suffix()) + "; }";
        };
    }

    private static String render(Ending ending) {
        return switch (ending) {
            case Ending.Exit exit -> "exit " + exit.code();
            // exec: the sleeping process is the one that was started, so a signal to it is final
            // and no orphan keeps stdout open; a SIGINT ignored by trap stays ignored across exec
            case Ending.Hang _ -> "exec sleep 2147483647";
        };
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }

    /** A single-quoted sh literal; a quote inside becomes {@code '\''}. */
    static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell literal cannot hold a NUL character");
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
