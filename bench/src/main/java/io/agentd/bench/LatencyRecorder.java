package io.agentd.bench;

import java.util.Arrays;

/**
 * The latencies one consumer saw, in nanoseconds, kept whole (a run is at most a few million samples) so
 * percentiles are exact rather than bucketed. One writer thread per recorder.
 */
final class LatencyRecorder {
    private long[] samples;
    private int count;
    private volatile long lastReceiveNanos;

    LatencyRecorder(int expected) {
        this.samples = new long[Math.max(16, expected)];
    }

    void record(long latencyNanos, long receivedAtNanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[count++] = latencyNanos;
        lastReceiveNanos = receivedAtNanos;
    }

    int count() {
        return count;
    }

    long lastReceiveNanos() {
        return lastReceiveNanos;
    }

    long[] samples() {
        return Arrays.copyOf(samples, count);
    }
}
