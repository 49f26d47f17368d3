package io.agentd.bench;

import java.util.Arrays;
import java.util.List;

/**
 * What one path delivered in the measured window: the latency distribution over every delivery to every
 * consumer, and how many deliveries per second got through.
 *
 * @param missing deliveries expected but not received
 * @param outOfOrder deliveries whose seq was not above the consumer's previous one
 */
record RunResult(String name, long p50, long p99, long p999, long max, double deliveredPerSecond, long missing,
                 long outOfOrder) {

    static RunResult of(String name, List<LatencyRecorder> recorders, long windowStartNanos, long expectedDeliveries,
                        long outOfOrder) {
        long total = recorders.stream().mapToLong(LatencyRecorder::count).sum();
        long[] all = new long[Math.toIntExact(total)];
        int at = 0;
        long lastReceive = windowStartNanos;
        for (LatencyRecorder r : recorders) {
            long[] s = r.samples();
            System.arraycopy(s, 0, all, at, s.length);
            at += s.length;
            lastReceive = Math.max(lastReceive, r.lastReceiveNanos());
        }
        Arrays.sort(all);
        double seconds = Math.max(1, lastReceive - windowStartNanos) / 1e9;
        return new RunResult(name, percentile(all, 0.50), percentile(all, 0.99), percentile(all, 0.999),
                all.length == 0 ? 0 : all[all.length - 1], total / seconds, Math.max(0, expectedDeliveries - total),
                outOfOrder);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }
}
