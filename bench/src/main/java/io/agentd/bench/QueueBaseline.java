package io.agentd.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor to compare with: the same publisher, rate and fan-out, handing each event's publish time to
 * every consumer thread through its own plain {@link ArrayBlockingQueue} (the bus's buffer type and size),
 * with no store, no JSON and no socket.
 */
final class QueueBaseline {
    private static final long STOP = Long.MIN_VALUE;

    private QueueBaseline() {
    }

    static RunResult run(BenchOptions options) throws InterruptedException {
        int total = options.warmupEvents() + options.measuredEvents();
        List<BlockingQueue<Long>> queues = new ArrayList<>();
        List<LatencyRecorder> recorders = new ArrayList<>();
        List<Thread> consumers = new ArrayList<>();
        AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
        for (int i = 0; i < options.subscribers(); i++) {
            BlockingQueue<Long> queue = new ArrayBlockingQueue<>(BusStack.SUBSCRIBER_BUFFER);
            LatencyRecorder recorder = new LatencyRecorder(options.measuredEvents());
            queues.add(queue);
            recorders.add(recorder);
            consumers.add(Thread.ofPlatform().name("baseline-" + i).start(() -> consume(queue, recorder, measureFrom)));
        }
        Pacer pacer = new Pacer(options.eventsPerSecond());
        long windowStart = 0;
        for (long i = 0; i < total; i++) {
            pacer.awaitTurn(i);
            long now = System.nanoTime();
            if (i == options.warmupEvents()) {
                windowStart = now;
                measureFrom.set(now);
            }
            for (BlockingQueue<Long> q : queues) {
                q.offer(now); // never blocks, like the bus; a full queue shows up as missing deliveries
            }
        }
        for (BlockingQueue<Long> q : queues) {
            q.put(STOP);
        }
        for (Thread t : consumers) {
            t.join();
        }
        return RunResult.of("baseline: ArrayBlockingQueue", recorders, windowStart,
                (long) options.measuredEvents() * options.subscribers(), 0);
    }

    private static void consume(BlockingQueue<Long> queue, LatencyRecorder recorder, AtomicLong measureFrom) {
        try {
            while (true) {
                long published = queue.take();
                long now = System.nanoTime();
                if (published == STOP) {
                    return;
                }
                if (published >= measureFrom.get()) {
                    recorder.record(now - published, now);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
