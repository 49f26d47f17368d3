package io.agentd.bench;

import java.time.Duration;

/**
 * How hard and how long to drive the bus.
 *
 * @param warmup published first and left out of the figures, so the JIT has settled
 */
record BenchOptions(int subscribers, int eventsPerSecond, Duration measured, Duration warmup) {
    BenchOptions {
        if (subscribers < 1 || eventsPerSecond < 1 || measured.isNegative() || measured.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("subscribers, rate and duration must be positive");
        }
    }

    static BenchOptions parse(String[] args) {
        int subscribers = 100;
        int rate = 1_000;
        Duration measured = Duration.ofSeconds(10);
        Duration warmup = Duration.ofSeconds(2);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> {
                    measured = Duration.ofSeconds(2);
                    warmup = Duration.ofSeconds(1);
                }
                case "--subscribers" -> subscribers = Integer.parseInt(value(args, ++i));
                case "--rate" -> rate = Integer.parseInt(value(args, ++i));
                case "--seconds" -> measured = Duration.ofSeconds(Long.parseLong(value(args, ++i)));
                case "-h", "--help" -> throw new UsageException("");
                default -> throw new UsageException("unknown option: " + args[i]);
            }
        }
        return new BenchOptions(subscribers, rate, measured, warmup);
    }

    int measuredEvents() {
        return Math.toIntExact(eventsPerSecond * measured.toMillis() / 1000);
    }

    int warmupEvents() {
        return Math.toIntExact(eventsPerSecond * warmup.toMillis() / 1000);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new UsageException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** Bad command line. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
