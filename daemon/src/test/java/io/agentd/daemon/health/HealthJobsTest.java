package io.agentd.daemon.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.daemon.claude.ClaudeLocator;
import io.agentd.store.StoreHealth;
import io.agentd.store.job.JobFaults;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code health} shows a failing long-lived job beside the store, in the same shape, until it recovers. */
class HealthJobsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T22:00:00Z");

    @Test
    void reportsEachFailingJobWithItsErrorAndTheEarliestStart() {
        AtomicReference<List<JobFaults.Fault>> faults = new AtomicReference<>(List.of());
        HealthService health = new HealthService("1", NOW, Clock.fixed(NOW, ZoneOffset.UTC),
                new ClaudeLocator(null, Map.of(), Path.of("/nonexistent")), () -> 0, () -> StoreHealth.OK,
                new io.agentd.daemon.session.ApprovalsServerCheck(List.of(), Map.of(), Path.of("/"))::status, faults::get);
        assertThat(health.health().jobs()).isEqualTo(new HealthResult.JobsStatus(true, null, null));

        faults.set(List.of(
                new JobFaults.Fault("agentd-db-checkpoint", "java.lang.OutOfMemoryError: Java heap space",
                        NOW.minusSeconds(60)),
                new JobFaults.Fault("spool-janitor", "java.lang.IllegalStateException: x", NOW.minusSeconds(5))));
        HealthResult result = health.health();
        assertThat(result.status()).isEqualTo("ok");
        assertThat(result.jobs()).isEqualTo(new HealthResult.JobsStatus(false,
                "agentd-db-checkpoint: java.lang.OutOfMemoryError: Java heap space; spool-janitor:"
                        + " java.lang.IllegalStateException: x", "2026-12-01T21:59:00Z"));

        faults.set(List.of());
        assertThat(health.health().jobs().ok()).isTrue();
    }
}
