package io.agentd.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publish → subscriber latency of agentd's event bus under fan-out: N subscribers on the socket, events
 * published at a fixed rate inside real store transactions, each carrying its publish {@code nanoTime}; every
 * subscriber records receive − publish. In the same run, the same hand-off through plain queues gives the
 * floor. Run with {@code bin/bench} ({@code --quick} for a short run); it is not part of the test suite.
 */
public final class FanoutLatencyBench {
    private FanoutLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchOptions.UsageException | NumberFormatException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("bench: " + e.getMessage());
            }
            System.err.println("usage: bin/bench [--quick] [--subscribers N] [--rate EVENTS_PER_S] [--seconds S]");
            System.exit(2);
            return;
        }
        System.out.printf(Locale.ROOT, "fan-out latency: %d subscribers, %d events/s, %d s measured after %d ms warm-up"
                        + " (%,d events, %,d deliveries per path); %d CPUs, Java %s%n",
                options.subscribers(), options.eventsPerSecond(), options.measured().toSeconds(), options.warmup().toMillis(),
                options.measuredEvents(), (long) options.measuredEvents() * options.subscribers(),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        RunResult agentd = runAgentd(options);
        RunResult baseline = QueueBaseline.run(options);
        print(List.of(agentd, baseline));
    }

    /** The two figures of the combined table: p50 and p99 over the socket, beside the plain-queue floor. */
    static List<Row> rows(Bench.Settings settings) throws IOException, InterruptedException {
        BenchOptions options = BenchOptions.parse(settings.quick() ? new String[] {"--quick"} : new String[0]);
        RunResult agentd = runAgentd(options);
        RunResult baseline = QueueBaseline.run(options);
        String note = String.format(Locale.ROOT, "ArrayBlockingQueue per consumer; %d subs, %d ev/s, %d s; missing %d",
                options.subscribers(), options.eventsPerSecond(), options.measured().toSeconds(), agentd.missing());
        return List.of(
                Row.cost("fan-out latency p50", agentd.p50() / 1e6, baseline.p50() / 1e6, "ms", 0, note),
                Row.cost("fan-out latency p99", agentd.p99() / 1e6, baseline.p99() / 1e6, "ms", 5, note));
    }

    static RunResult runAgentd(BenchOptions options) throws IOException, InterruptedException {
        int total = options.warmupEvents() + options.measuredEvents();
        try (BusStack stack = BusStack.start();
             ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<SocketSubscriber> subscribers = new ArrayList<>();
            for (int i = 0; i < options.subscribers(); i++) {
                subscribers.add(SocketSubscriber.connect(stack.socket(), options.measuredEvents()));
            }
            if (stack.subscribers() != options.subscribers()) {
                throw new IllegalStateException("only " + stack.subscribers() + " subscribers registered");
            }
            AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
            List<Future<?>> reading = new ArrayList<>();
            for (SocketSubscriber s : subscribers) {
                reading.add(readers.submit(() -> {
                    s.readEvents(total, measureFrom::get);
                    return null;
                }));
            }
            Pacer pacer = new Pacer(options.eventsPerSecond());
            CompletableFuture<?> last = null;
            for (long i = 0; i < total; i++) {
                pacer.awaitTurn(i);
                if (i == options.warmupEvents()) {
                    measureFrom.set(System.nanoTime());
                }
                last = stack.publish(i);
            }
            last.join();
            long windowStart = measureFrom.get();
            for (Future<?> f : reading) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    System.err.println("bench: a subscriber did not finish: " + e);
                }
            }
            long outOfOrder = subscribers.stream().mapToLong(SocketSubscriber::outOfOrder).sum();
            List<LatencyRecorder> recorders = subscribers.stream().map(SocketSubscriber::recorder).toList();
            for (SocketSubscriber s : subscribers) {
                s.close();
            }
            return RunResult.of("agentd: store + bus + socket", recorders, windowStart,
                    (long) options.measuredEvents() * options.subscribers(), outOfOrder);
        }
    }

    private static void print(List<RunResult> results) {
        System.out.println();
        String head = "%-30s %10s %10s %10s %10s %14s %9s %12s%n";
        System.out.printf(Locale.ROOT, head, "path", "p50", "p99", "p99.9", "max", "delivered/s", "missing", "out-of-order");
        for (RunResult r : results) {
            System.out.printf(Locale.ROOT, "%-30s %10s %10s %10s %10s %,14.0f %,9d %,12d%n", r.name(), ms(r.p50()), ms(r.p99()),
                    ms(r.p999()), ms(r.max()), r.deliveredPerSecond(), r.missing(), r.outOfOrder());
        }
        RunResult a = results.get(0);
        RunResult b = results.get(1);
        System.out.printf(Locale.ROOT, "%-30s %10s %10s %10s %10s %14s%n", "ratio agentd / baseline", ratio(a.p50(), b.p50()),
                ratio(a.p99(), b.p99()), ratio(a.p999(), b.p999()), ratio(a.max(), b.max()),
                String.format(Locale.ROOT, "%.2fx", a.deliveredPerSecond() / b.deliveredPerSecond()));
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    private static String ratio(long a, long b) {
        return b == 0 ? "-" : String.format(Locale.ROOT, "%.1fx", (double) a / b);
    }
}
