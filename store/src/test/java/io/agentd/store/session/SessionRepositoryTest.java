package io.agentd.store.session;

import io.agentd.store.Database;
import io.agentd.store.testing.Sessions;
import io.agentd.store.testing.TempDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(TempDatabaseExtension.class)
class SessionRepositoryTest {
    private final SessionRepository sessions = new SessionRepository();

    @Test
    void roundTripsEveryColumn(Database db) {
        Instant now = Instant.ofEpochMilli(1_700_000_000_123L);
        SessionRow row = new SessionRow("s1", "r1", "claude-1", null, SessionStatus.RUNNING, "query", "summary", "title",
                "sonnet", "claude-sonnet-5-5", "/work",
                new LaunchConfig(3, "sys", "append", "custom", "mcp__codelayer__request_permission",
                        List.of("Read", "Bash(ls:*)"), List.of("Write"), List.of("/extra")),
                now, now.plusSeconds(1), now.plusSeconds(2),
                new SessionOutcome(0.0123, 1500L, 1200L, 2, "done", null),
                new TokenCounts(10L, 20L, 30L, 40L, 100L, 200_000L),
                new PermissionSettings(true, true, now.plusSeconds(60), 60_000L), true,
                new ProxySettings(true, "http://proxy", "model-x", "key"), "{\"a\":1}");
        db.write(tx -> {
            sessions.insert(tx.connection(), row);
            return null;
        });
        Optional<SessionRow> byId = db.read(c -> sessions.find(c, "s1"));
        assertThat(byId).contains(row);
        Optional<SessionRow> byClaude = db.read(c -> sessions.findByClaudeSessionId(c, "claude-1"));
        assertThat(byClaude).contains(row);
    }

    @Test
    void transitionsOnlyFromTheGivenStatuses(Database db) {
        SessionRow row = Sessions.newSession("q");
        db.write(tx -> {
            sessions.insert(tx.connection(), row);
            return null;
        });
        Instant now = Instant.now();
        assertThat(db.<Boolean>write(tx -> sessions.transition(tx.connection(), row.id(), Set.of(SessionStatus.RUNNING),
                SessionStatus.COMPLETED, now))).isFalse();
        assertThat(db.<Boolean>write(tx -> sessions.transition(tx.connection(), row.id(), Set.of(SessionStatus.STARTING),
                SessionStatus.RUNNING, now))).isTrue();
        assertThat(db.read(c -> sessions.find(c, row.id())).orElseThrow().status()).isEqualTo(SessionStatus.RUNNING);
    }

    @Test
    void finishKeepsKnownOutcomeFieldsWhenNewOnesAreAbsent(Database db) {
        SessionRow row = Sessions.newSession("q");
        Instant now = Instant.now();
        db.write(tx -> {
            sessions.insert(tx.connection(), row);
            sessions.finish(tx.connection(), row.id(), SessionStatus.COMPLETED,
                    new SessionOutcome(0.5, 10L, 8L, 3, "answer", null), now);
            sessions.finish(tx.connection(), row.id(), SessionStatus.FAILED,
                    SessionOutcome.failed("boom"), now);
            return null;
        });
        SessionRow stored = db.read(c -> sessions.find(c, row.id())).orElseThrow();
        assertThat(stored.status()).isEqualTo(SessionStatus.FAILED);
        assertThat(stored.outcome()).isEqualTo(new SessionOutcome(0.5, 10L, 8L, 3, "answer", "boom"));
        assertThat(stored.completedAt()).isNotNull();
    }

    @Test
    void leavesExcludeContinuedSessionsAndFilter(Database db) {
        Instant t0 = Instant.ofEpochMilli(1_000_000);
        SessionRow parent = Sessions.newSession("parent", null, t0);
        SessionRow child = Sessions.newSession("child", parent.id(), t0.plusSeconds(1));
        SessionRow other = Sessions.newSession("other", null, t0.plusSeconds(2));
        db.write(tx -> {
            sessions.insert(tx.connection(), parent);
            sessions.insert(tx.connection(), child);
            sessions.insert(tx.connection(), other);
            sessions.setArchived(tx.connection(), other.id(), true);
            return null;
        });
        assertThat(db.<List<SessionRow>>read(c -> sessions.leaves(c, LeafFilter.ALL))).extracting(SessionRow::id)
                .containsExactly(other.id(), child.id());
        assertThat(db.<List<SessionRow>>read(c -> sessions.leaves(c, LeafFilter.NORMAL))).extracting(SessionRow::id)
                .containsExactly(child.id());
        assertThat(db.<List<SessionRow>>read(c -> sessions.leaves(c, LeafFilter.ARCHIVED))).extracting(SessionRow::id)
                .containsExactly(other.id());
        assertThat(db.<List<SessionRow>>read(c -> sessions.lineage(c, child.id()))).extracting(SessionRow::id)
                .containsExactly(parent.id(), child.id());
    }

    @Test
    void recentPathsGroupByWorkingDirectory(Database db) {
        Instant t0 = Instant.ofEpochMilli(5_000_000);
        db.write(tx -> {
            for (int i = 0; i < 3; i++) {
                SessionRow r = Sessions.newSession("q" + i, null, t0.plusSeconds(i));
                sessions.insert(tx.connection(), new SessionRow(r.id(), r.runId(), null, null, r.status(), r.query(),
                        r.summary(), r.title(), r.model(), null, i == 2 ? "/b" : "/a", r.config(), r.createdAt(),
                        r.lastActivityAt(), null, null, null, null, false, null, null));
            }
            return null;
        });
        List<RecentPath> paths = db.read(c -> sessions.recentPaths(c, 20));
        assertThat(paths).extracting(RecentPath::path).containsExactly("/b", "/a");
        assertThat(paths.get(1).usageCount()).isEqualTo(2);
    }
}
