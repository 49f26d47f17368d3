package io.agentd.daemon.health;

import io.agentd.daemon.claude.ClaudeBinary;
import io.agentd.daemon.claude.ClaudeLocator;
import io.agentd.daemon.session.ApprovalsServerCheck;
import io.agentd.daemon.session.api.WireTimes;
import io.agentd.store.StoreHealth;
import io.agentd.store.job.JobFaults;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Answers {@code health}. Always {@code "ok"} while the daemon serves requests (hlyr requires exactly
 * that to connect); whether Claude can be launched, whether the database takes writes and whether the approvals
 * server can run are reported
 * beside it, never by failing health.
 */
public final class HealthService {
    private final String version;
    private final Instant startedAt;
    private final Clock clock;
    private final ClaudeLocator claude;
    private final IntSupplier activeSessions;
    private final Supplier<StoreHealth> store;
    private final Supplier<ApprovalsServerCheck.Status> approvals;
    private final Supplier<List<JobFaults.Fault>> jobs;

    public HealthService(String version, Instant startedAt, Clock clock, ClaudeLocator claude, IntSupplier activeSessions,
                         Supplier<StoreHealth> store, Supplier<ApprovalsServerCheck.Status> approvals) {
        this(version, startedAt, clock, claude, activeSessions, store, approvals, JobFaults.process()::current);
    }

    /** @param jobs the failing long-lived jobs */
    public HealthService(String version, Instant startedAt, Clock clock, ClaudeLocator claude, IntSupplier activeSessions,
                         Supplier<StoreHealth> store, Supplier<ApprovalsServerCheck.Status> approvals,
                         Supplier<List<JobFaults.Fault>> jobs) {
        this.version = requireNonNull(version, "version is null");
        this.startedAt = requireNonNull(startedAt, "startedAt is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.claude = requireNonNull(claude, "claude is null");
        this.activeSessions = requireNonNull(activeSessions, "activeSessions is null");
        this.store = requireNonNull(store, "store is null");
        this.approvals = requireNonNull(approvals, "approvals is null");
        this.jobs = requireNonNull(jobs, "jobs is null");
    }

    /** The daemon's health now. */
    public HealthResult health() {
        // The lookup runs at start-up in the background; until it finishes, report that honestly.
        ClaudeBinary binary = claude.lastKnown();
        HealthResult.ClaudeStatus status = binary == null
                ? new HealthResult.ClaudeStatus(false, null, null, "still looking for the claude CLI")
                : new HealthResult.ClaudeStatus(binary.available(),
                        binary.path() == null ? null : binary.path().toString(), binary.version(), binary.error());
        long uptime = clock.millis() - startedAt.toEpochMilli();
        StoreHealth db = store.get();
        HealthResult.StoreStatus storeStatus = db.ok() ? new HealthResult.StoreStatus(true, null, null)
                : new HealthResult.StoreStatus(false, db.kind().summary() + ": " + db.error(), WireTimes.rfc3339(db.since()));
        ApprovalsServerCheck.Status server = approvals.get();
        HealthResult.ApprovalsServerStatus approvalsStatus = new HealthResult.ApprovalsServerStatus(server.injected(),
                server.injected() ? server.command() : null, server.usable(), server.error());
        return new HealthResult("ok", version, uptime, activeSessions.getAsInt(), status, storeStatus, approvalsStatus,
                jobsStatus());
    }

    private HealthResult.JobsStatus jobsStatus() {
        List<JobFaults.Fault> failing = jobs.get();
        if (failing.isEmpty()) {
            return new HealthResult.JobsStatus(true, null, null);
        }
        String error = failing.stream().map(f -> f.job() + ": " + f.error()).collect(Collectors.joining("; "));
        Instant since = failing.stream().map(JobFaults.Fault::since).min(Comparator.naturalOrder()).orElseThrow();
        return new HealthResult.JobsStatus(false, error, WireTimes.rfc3339(since));
    }
}
