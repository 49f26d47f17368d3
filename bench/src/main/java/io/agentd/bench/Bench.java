package io.agentd.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code bin/bench}: every benchmark of agentd, each figure beside a baseline measured in the same run on
 * the same machine, printed as one table. {@code --quick} runs the same table with shorter phases.
 */
public final class Bench {
    static final List<String> ALL = List.of("ingest", "rpc", "fanout", "memory", "history", "search", "cli", "workspace",
            "rules");

    private Bench() {
    }

    /** Whole-run settings. */
    record Settings(boolean quick, Set<String> only, Path root) {
        boolean runs(String name) {
            return only.isEmpty() || only.contains(name);
        }
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Set<String> only = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> {
                    if (i + 1 >= args.length) {
                        usage("--only needs a value");
                    }
                    for (String name : args[++i].split(",")) {
                        if (!ALL.contains(name)) {
                            usage("unknown benchmark: " + name);
                        }
                        only.add(name);
                    }
                }
                case "-h", "--help" -> usage("");
                default -> usage("unknown option: " + args[i]);
            }
        }
        Path root = Path.of(System.getProperty("agentd.root", ".")).toAbsolutePath().normalize();
        Settings settings = new Settings(quick, only, root);
        System.out.printf(Locale.ROOT, "agentd bench%s: %d CPUs, Java %s, load average before: %s%n",
                quick ? " --quick" : "", Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());
        long start = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        if (settings.runs("ingest")) {
            section(rows, "ingest", () -> IngestBench.run(settings));
        }
        if (settings.runs("rpc")) {
            section(rows, "rpc", () -> RpcBench.run(settings));
        }
        if (settings.runs("fanout")) {
            section(rows, "fanout", () -> FanoutLatencyBench.rows(settings));
        }
        if (settings.runs("memory")) {
            section(rows, "memory", () -> MemoryBench.run(settings));
        }
        if (settings.runs("history")) {
            section(rows, "history", () -> HistoryBench.run(settings));
        }
        if (settings.runs("search")) {
            section(rows, "search", () -> SearchBench.run(settings));
        }
        if (settings.runs("cli")) {
            section(rows, "cli", () -> CliBench.run(settings));
        }
        if (settings.runs("workspace")) {
            section(rows, "workspace", () -> WorkspaceBench.run(settings));
        }
        if (settings.runs("rules")) {
            section(rows, "rules", () -> RuleBench.run(settings));
        }
        System.out.println();
        Row.print(rows);
        System.out.printf(Locale.ROOT, "%ntook %.0f s; load average after: %s%n",
                (System.nanoTime() - start) / 1e9, loadAverage());
    }

    /** A benchmark that yields rows of the table. */
    @FunctionalInterface
    interface Section {
        List<Row> run() throws Exception;
    }

    private static void section(List<Row> rows, String name, Section section) {
        long t0 = System.nanoTime();
        System.err.printf(Locale.ROOT, "bench: %s...%n", name);
        try {
            rows.addAll(section.run());
        } catch (Exception | Error e) {
            System.err.println("bench: " + name + " failed: " + e);
            e.printStackTrace();
            rows.add(Row.failed(name, e.toString()));
        }
        System.err.printf(Locale.ROOT, "bench: %s done in %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }

    static Duration pick(Settings s, Duration quick, Duration full) {
        return s.quick() ? quick : full;
    }

    private static void usage(String message) {
        if (!message.isEmpty()) {
            System.err.println("bench: " + message);
        }
        System.err.println("usage: bin/bench [--quick] [--only " + String.join(",", ALL) + "]");
        System.exit(2);
    }
}
