package io.agentd.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop pacing: event {@code i} is due at {@code start + i / rate}, whatever happened to the ones
 * before, so a slow moment shows up as latency instead of silently lowering the rate.
 */
final class Pacer {
    private final long start;
    private final long intervalNanos;

    Pacer(int eventsPerSecond) {
        this.start = System.nanoTime();
        this.intervalNanos = 1_000_000_000L / eventsPerSecond;
    }

    void awaitTurn(long i) {
        long due = start + i * intervalNanos;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
