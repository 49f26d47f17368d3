package io.agentd.store.job;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of a long-lived thread that survives any {@link Throwable}, {@link OutOfMemoryError} included.
 *
 * <p>The job is a round run over and over. A round that throws is logged (with its stack trace once per
 * episode), recorded in {@link JobFaults} so {@code health} shows it, and run again after a pause that
 * doubles from {@code firstPause} up to {@code maxPause}; the next round that completes clears the fault. A
 * thread that died instead would leave its job undone for the rest of the process's life (a checkpointer
 * killed by one out-of-memory moment let the WAL grow without end). Interrupting the thread, or a round
 * returning false, ends the job.
 */
public final class LongLivedJob implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(LongLivedJob.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);

    /** One round of a job. */
    @FunctionalInterface
    public interface Round {
        /**
         * Does one round of work (and any waiting before or after it).
         *
         * @return false when the job is done and its thread should end
         * @throws InterruptedException to end the job
         */
        boolean run() throws Exception;
    }

    /** How a job waits after a failed round; a seam so a unit test needs no clock. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final String name;
    private final JobFaults faults;
    private final Round round;
    private final Duration firstPause;
    private final Duration maxPause;
    private final Pause pause;

    private LongLivedJob(String name, JobFaults faults, Round round, Duration firstPause, Duration maxPause,
                         Pause pause) {
        this.name = requireNonNull(name, "name is null");
        this.faults = requireNonNull(faults, "faults is null");
        this.round = requireNonNull(round, "round is null");
        this.firstPause = requireNonNull(firstPause, "firstPause is null");
        this.maxPause = requireNonNull(maxPause, "maxPause is null");
        this.pause = requireNonNull(pause, "pause is null");
    }

    /** A job reporting into the process's {@link JobFaults}, pausing 100 ms to 10 s after failures. */
    public static LongLivedJob of(String name, Round round) {
        return new LongLivedJob(name, JobFaults.process(), round, FIRST_PAUSE, MAX_PAUSE, Thread::sleep);
    }

    /** A job with its own registry and pauses, for tests. */
    public static LongLivedJob of(String name, JobFaults faults, Round round, Duration firstPause, Duration maxPause,
                                  Pause pause) {
        return new LongLivedJob(name, faults, round, firstPause, maxPause, pause);
    }

    @Override
    public void run() {
        Duration next = firstPause;
        boolean failing = false;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                boolean more = round.run();
                if (failing) {
                    failing = false;
                    next = firstPause;
                    faults.recovered(name);
                    log.info("{} works again", name);
                }
                if (!more) {
                    return;
                }
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable failure) {
                report(failure, !failing, next);
                failing = true;
            }
            try {
                pause.sleep(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            next = next.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : next.multipliedBy(2);
        }
    }

    /** Records and logs a failure; never throws, as logging may itself run out of memory. */
    private void report(Throwable failure, boolean firstOfEpisode, Duration retryIn) {
        try {
            faults.failed(name, failure);
        } catch (Throwable ignored) {
            // Still out of memory: the next round tries again, and so will this.
        }
        try {
            if (firstOfEpisode) {
                log.error("{} failed; it goes on after {} (health shows the fault until a round succeeds)",
                        name, retryIn, failure);
            } else {
                log.warn("{} failed again: {}", name, failure.toString());
            }
        } catch (Throwable ignored) {
            // Nothing more to do: the fault is recorded (or will be next time).
        }
    }
}
