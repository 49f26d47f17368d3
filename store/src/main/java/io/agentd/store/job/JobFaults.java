package io.agentd.store.job;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The long-lived jobs (threads) that failed and have not yet completed a round since, for {@code health}.
 *
 * <p>One registry per process ({@link #process()}): the faults that matter here, such as running out of
 * memory, belong to the JVM rather than to one component, and every long-lived thread reports into it
 * without each constructor having to be handed a registry.
 */
public final class JobFaults {
    private static final JobFaults PROCESS = new JobFaults(Clock.systemUTC());

    private final Clock clock;
    private final ConcurrentSkipListMap<String, Fault> faults = new ConcurrentSkipListMap<>();

    /**
     * A failing job.
     *
     * @param job the job's (thread's) name
     * @param error the latest failure, e.g. "java.lang.OutOfMemoryError: Java heap space"
     * @param since when the first failure of this episode happened
     */
    public record Fault(String job, String error, Instant since) {
        public Fault {
            requireNonNull(job, "job is null");
            requireNonNull(error, "error is null");
            requireNonNull(since, "since is null");
        }
    }

    /** A registry of its own, for tests. */
    public JobFaults(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The registry every long-lived thread of this process reports into. */
    public static JobFaults process() {
        return PROCESS;
    }

    /** Records a failure of {@code job}; the episode keeps its start, the error is the newest. */
    public void failed(String job, Throwable failure) {
        String error = String.valueOf(failure);
        Instant now = clock.instant();
        faults.compute(job, (name, old) -> new Fault(name, error, old == null ? now : old.since()));
    }

    /** Clears the fault of {@code job}; returns whether there was one. */
    public boolean recovered(String job) {
        return faults.remove(job) != null;
    }

    /** The failing jobs, by name. */
    public List<Fault> current() {
        return List.copyOf(faults.values());
    }
}
