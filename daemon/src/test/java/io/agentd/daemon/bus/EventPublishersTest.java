package io.agentd.daemon.bus;

import io.agentd.daemon.session.SessionEvents.SettingsChange;
import io.agentd.store.Database;
import io.agentd.store.approval.ApprovalRow;
import io.agentd.store.approval.ApprovalStatus;
import io.agentd.store.conversation.ConversationEventRow;
import io.agentd.store.conversation.EventType;
import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionOutcome;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.session.TokenCounts;
import io.agentd.store.testing.TempDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(TempDatabaseExtension.class)
/**
 * The publishers against lines captured from the daemon before events were typed
 * ({@code json-rpc-event-lines.golden}): every kind, its optional fields present and absent, text that needs
 * escaping, and tool input that the payload normalizes. Live lines and lines replayed from the log must both
 * be byte for byte those.
 */
class EventPublishersTest {
    static final Instant T = Instant.parse("2026-03-04T05:06:07.089Z");

    static SessionRow session(String parent, SessionStatus status, String error, String title, boolean archived) {
        return new SessionRow("s1", "r1", null, parent, status, "q", "", title, "", null, "/w", LaunchConfig.empty(), T, T, null,
                new SessionOutcome(null, null, null, null, null, error), null, PermissionSettings.none(), archived, null, null);
    }

    static ConversationEventRow row(long seq, EventType type, String role, String content, String toolId, String toolName,
                                    String toolInput, String forId, String result, String claudeId, String parent) {
        return new ConversationEventRow(seq, "s1", claudeId, seq, type, T, role, content, toolId, toolName, toolInput,
                forId, result, false, null, null, parent);
    }

    @Test
    void everyKindOfEventIsPublishedWithTheBytesItHadBeforeLiveAndReplayed(Database db) throws Exception {
        TestClock clock = new TestClock(T);
        EventLog log = new EventLog(db, new EventBus(clock, 1024), clock);
        Subscriber sub = log.bus().subscribe(SubscriptionFilter.all());
        SessionEventPublisher sp = new SessionEventPublisher(log);
        ApprovalEventPublisher ap = new ApprovalEventPublisher(log);
        db.write(tx -> {
            sp.statusChanged(tx, session("p0", SessionStatus.RUNNING, null, "", false), SessionStatus.STARTING, SessionStatus.RUNNING);
            sp.statusChanged(tx, session("p0", SessionStatus.FAILED, "boom \"x\"\n", "", false), SessionStatus.RUNNING, SessionStatus.FAILED);
            sp.statusChanged(tx, session(null, SessionStatus.COMPLETED, "ignored", "", false), SessionStatus.RUNNING, SessionStatus.COMPLETED);
            sp.tokensUpdated(tx, "s1", "r1", SessionStatus.RUNNING, new TokenCounts(10L, 20L, 1L, 2L, 33L, 200000L));
            sp.tokensUpdated(tx, "s1", "r1", SessionStatus.RUNNING, new TokenCounts(10L, null, null, null, null, null));
            sp.titleChanged(tx, session(null, SessionStatus.RUNNING, null, "Tïtle \u2603", false));
            sp.archivedChanged(tx, session(null, SessionStatus.RUNNING, null, "", true));
            sp.conversationAppended(tx, "r1", List.of(
                    row(1, EventType.MESSAGE, "user", "hi <b>&amp; \u00e9 \uD83D\uDE00", null, null, null, null, null, null, null),
                    row(2, EventType.TOOL_CALL, null, null, "tu1", "Bash", "{\"command\": \"ls -l\",  \"n\":1.50, \"u\":\"\\u00e9\"}", null, null, "c1", "pt"),
                    row(3, EventType.TOOL_CALL, null, null, "tu2", "Read", null, null, null, "c1", null),
                    row(4, EventType.TOOL_RESULT, null, null, null, null, null, "tu1", "out\tput\n", "c1", null),
                    row(5, EventType.THINKING, "assistant", "hmm", null, null, null, null, null, "c1", null),
                    row(6, EventType.SYSTEM, "init", "Session started", null, null, null, null, null, "c1", null)));
            sp.settingsChanged(tx, session(null, SessionStatus.RUNNING, null, "", false), new SettingsChange(true, true, 60000L, null, null));
            sp.settingsChanged(tx, session(null, SessionStatus.RUNNING, null, "", false), new SettingsChange(false, null, null, null, null));
            sp.settingsChanged(tx, session(null, SessionStatus.RUNNING, null, "", false), SettingsChange.bypassExpired(T.plusSeconds(5)));
            ApprovalRow pending = new ApprovalRow("a1", "r1", "s1", ApprovalStatus.PENDING, T, null, "Bash", "{}", null, null, null, null);
            ap.created(tx, pending);
            ap.resolved(tx, new ApprovalRow("a1", "r1", "s1", ApprovalStatus.APPROVED, T, T, "Bash", "{}", "ok \"fine\"", "tu1", "human", null));
            ap.resolved(tx, new ApprovalRow("a2", "r1", "s1", ApprovalStatus.EXPIRED, T, T, "Bash", "{}", null, null, null, null));
            ap.resolved(tx, new ApprovalRow("a3", "r1", "s1", ApprovalStatus.DENIED, T, T, "Bash", "{}", "no", null, "auto", null));
            return null;
        });
        List<String> golden = golden();
        assertThat(golden).hasSize(20);
        List<String> live = new ArrayList<>();
        PublishedEvent e;
        while (live.size() < golden.size() && (e = sub.poll(Duration.ofSeconds(5))) != null) {
            live.add(line(e));
        }
        assertThat(live).containsExactlyElementsOf(golden);
        assertThat(log.after(0, 100)).extracting(EventPublishersTest::line).containsExactlyElementsOf(golden);
    }

    private static String line(PublishedEvent e) {
        return new String(e.encoded(JsonRpcEventCodec.INSTANCE), StandardCharsets.UTF_8);
    }

    /** The lines the publishers produced before this round, one per event, in publication order. */
    static List<String> golden() throws IOException {
        try (InputStream in = EventPublishersTest.class.getResourceAsStream("json-rpc-event-lines.golden")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
