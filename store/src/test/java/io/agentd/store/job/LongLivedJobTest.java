package io.agentd.store.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long-lived thread's job survives anything its round throws, and health sees the fault meanwhile. */
class LongLivedJobTest {
    private static final Instant NOW = Instant.parse("2026-12-01T22:00:00Z");

    private final JobFaults faults = new JobFaults(Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<Duration> pauses = new ArrayList<>();
    private final List<List<JobFaults.Fault>> faultsSeen = new ArrayList<>();

    private LongLivedJob job(LongLivedJob.Round round) {
        return LongLivedJob.of("checkpoint", faults, round, Duration.ofMillis(100), Duration.ofMillis(300),
                pauses::add);
    }

    @Test
    void survivesOutOfMemoryAndAnyThrowableThenRecovers() {
        List<Throwable> failures = List.of(new OutOfMemoryError("Java heap space"), new StackOverflowError(),
                new IllegalStateException("boom"), new Exception("checked"));
        int[] round = {0};
        job(() -> {
            int n = round[0]++;
            faultsSeen.add(faults.current());
            if (n < failures.size()) {
                sneakyThrow(failures.get(n));
            }
            return n < failures.size() + 1;
        }).run();

        assertThat(round[0]).isEqualTo(failures.size() + 2);
        // The fault shows from the first failure until a round completes; the episode keeps its start.
        assertThat(faultsSeen.get(1)).singleElement().satisfies(f -> {
            assertThat(f.job()).isEqualTo("checkpoint");
            assertThat(f.error()).isEqualTo("java.lang.OutOfMemoryError: Java heap space");
            assertThat(f.since()).isEqualTo(NOW);
        });
        assertThat(faultsSeen.get(4)).singleElement()
                .satisfies(f -> assertThat(f.error()).isEqualTo("java.lang.Exception: checked"));
        assertThat(faultsSeen.get(5)).isEmpty();
        assertThat(faults.current()).isEmpty();
        // Pauses double after each failure, up to the maximum.
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300),
                Duration.ofMillis(300));
    }

    @Test
    void pausesStartOverAfterARecovery() {
        int[] round = {0};
        job(() -> {
            int n = round[0]++;
            if (n == 0 || n == 1 || n == 3) {
                throw new OutOfMemoryError();
            }
            return n < 4;
        }).run();
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(100));
        assertThat(faults.current()).isEmpty();
    }

    @Test
    void endsWhenInterruptedAndKeepsTheInterrupt() {
        int[] round = {0};
        job(() -> {
            round[0]++;
            throw new InterruptedException();
        }).run();
        assertThat(round[0]).isEqualTo(1);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(faults.current()).isEmpty();
    }

    @Test
    void anInterruptedPauseEndsTheJobWithItsFaultStillShown() {
        LongLivedJob job = LongLivedJob.of("writer", faults, () -> {
            throw new OutOfMemoryError("gone");
        }, Duration.ofMillis(100), Duration.ofMillis(300), d -> {
            throw new InterruptedException();
        });
        job.run();
        assertThat(Thread.interrupted()).isTrue();
        assertThat(faults.current()).extracting(JobFaults.Fault::job).containsExactly("writer");
    }

    @Test
    void endsWhenARoundSaysItIsDone() {
        int[] round = {0};
        job(() -> ++round[0] < 3).run();
        assertThat(round[0]).isEqualTo(3);
        assertThat(pauses).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}
