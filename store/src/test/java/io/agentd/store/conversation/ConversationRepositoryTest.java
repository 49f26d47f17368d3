package io.agentd.store.conversation;

import io.agentd.store.Database;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.testing.Sessions;
import io.agentd.store.testing.TempDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

@ExtendWith(TempDatabaseExtension.class)
class ConversationRepositoryTest {
    private final SessionRepository sessions = new SessionRepository();
    private final ConversationRepository events = new ConversationRepository();

    @Test
    void numbersEventsPerSessionAndBackfillsTheClaudeId(Database db) {
        SessionRow a = Sessions.newSession("a");
        SessionRow b = Sessions.newSession("b");
        Instant now = Instant.now();
        db.write(tx -> {
            sessions.insert(tx.connection(), a);
            sessions.insert(tx.connection(), b);
            events.append(tx.connection(), message(a.id(), null, "user", "hello", now));
            events.append(tx.connection(), message(b.id(), null, "user", "other", now));
            events.backfillClaudeSessionId(tx.connection(), a.id(), "claude-a");
            events.append(tx.connection(), message(a.id(), "claude-a", "assistant", "hi", now));
            return null;
        });
        List<ConversationEventRow> rows = db.read(c -> events.bySession(c, a.id()));
        assertThat(rows).extracting(ConversationEventRow::sequence).containsExactly(1L, 2L);
        assertThat(rows).extracting(ConversationEventRow::claudeSessionId).containsOnly("claude-a");
        assertThat(db.<List<ConversationEventRow>>read(c -> events.bySession(c, b.id()))).singleElement()
                .extracting(ConversationEventRow::sequence).isEqualTo(1L);
    }

    @Test
    void marksToolCallsCompletedAndLinksApprovals(Database db) {
        SessionRow s = Sessions.newSession("a");
        Instant now = Instant.now();
        db.write(tx -> {
            sessions.insert(tx.connection(), s);
            events.append(tx.connection(), NewConversationEvent.toolCall(s.id(), "c", now, "toolu_1", "Write",
                    "{\"file_path\":\"x\"}", null));
            events.linkApproval(tx.connection(), s.id(), "toolu_1", "local-1", "pending");
            events.markToolCompleted(tx.connection(), s.id(), "toolu_1", 2);
            events.setApprovalStatus(tx.connection(), "local-1", "approved");
            return null;
        });
        ConversationEventRow call = db.read(c -> events.findToolCall(c, s.id(), "toolu_1")).orElseThrow();
        assertThat(call.isCompleted()).isTrue();
        assertThat(call.approvalId()).isEqualTo("local-1");
        assertThat(call.approvalStatus()).isEqualTo("approved");
    }

    @Test
    void appendsManyEventsNumberedFromTheGivenSequenceAndReturnsThemAsStored(Database db) {
        SessionRow s = Sessions.newSession("a");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS); // as stored
        List<NewConversationEvent> batch = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            batch.add(message(s.id(), "c", "assistant", "text " + i, now));
        }
        List<ConversationEventRow> appended = db.write(tx -> {
            sessions.insert(tx.connection(), s);
            events.append(tx.connection(), message(s.id(), null, "user", "query", now));
            return events.appendAll(tx.connection(), batch, events.nextSequence(tx.connection(), s.id()));
        });

        List<ConversationEventRow> stored = db.read(c -> events.bySession(c, s.id()));
        assertThat(stored).hasSize(71);
        assertThat(stored.subList(1, 71)).isEqualTo(appended);
        assertThat(appended).extracting(ConversationEventRow::sequence).first().isEqualTo(2L);
        assertThat(appended).extracting(ConversationEventRow::content).last().isEqualTo("text 69");
    }

    @Test
    void aResultCompletesOnlyTheCallsNumberedBeforeIt(Database db) {
        SessionRow s = Sessions.newSession("a");
        Instant now = Instant.now();
        db.write(tx -> {
            sessions.insert(tx.connection(), s);
            // The same id twice (Claude does not do that, but a replayed line could): the result at 2 answers the
            // call at 1, not the one at 3, although all three rows are stored before it is marked.
            events.appendAll(tx.connection(), List.of(call(s.id(), "toolu_1", now), result(s.id(), "toolu_1", now),
                    call(s.id(), "toolu_1", now)), 1);
            events.markToolCompleted(tx.connection(), s.id(), "toolu_1", 2);
            return null;
        });

        assertThat(db.<List<ConversationEventRow>>read(c -> events.bySession(c, s.id())))
                .filteredOn(r -> r.eventType() == EventType.TOOL_CALL)
                .extracting(ConversationEventRow::sequence, ConversationEventRow::isCompleted)
                .containsExactly(tuple(1L, true), tuple(3L, false));
    }

    private static NewConversationEvent call(String sessionId, String toolId, Instant at) {
        return NewConversationEvent.toolCall(sessionId, "c", at, toolId, "Bash", "{}", null);
    }

    private static NewConversationEvent result(String sessionId, String toolId, Instant at) {
        return NewConversationEvent.toolResult(sessionId, "c", at, toolId, "ok");
    }

    @Test
    void roundTripsEveryColumn(Database db) {
        SessionRow s = Sessions.newSession("a");
        Instant at = Instant.ofEpochMilli(1_700_000_000_123L);
        ConversationEventRow appended = db.write(tx -> {
            sessions.insert(tx.connection(), s);
            ConversationEventRow row = events.append(tx.connection(), new NewConversationEvent(s.id(), "claude-a",
                    EventType.TOOL_CALL, at, "assistant", "text", "toolu_1", "Write", "{\"file_path\":\"x\"}",
                    "toolu_0", "result", "toolu_parent"));
            events.linkApproval(tx.connection(), s.id(), "toolu_1", "local-1", "approved");
            events.markToolCompleted(tx.connection(), s.id(), "toolu_1", 2);
            return row;
        });

        ConversationEventRow read = db.read(c -> events.find(c, appended.id())).orElseThrow();

        assertThat(read).isEqualTo(new ConversationEventRow(appended.id(), s.id(), "claude-a", 1, EventType.TOOL_CALL,
                at, "assistant", "text", "toolu_1", "Write", "{\"file_path\":\"x\"}", "toolu_0", "result", true,
                "approved", "local-1", "toolu_parent"));
        assertThat(db.<Optional<ConversationEventRow>>read(c -> events.find(c, appended.id() + 1))).isEmpty();
    }

    @Test
    void readsARangeOfSequencesAndTheLastSequence(Database db) {
        SessionRow a = Sessions.newSession("a");
        SessionRow b = Sessions.newSession("b");
        Instant now = Instant.now();
        db.write(tx -> {
            sessions.insert(tx.connection(), a);
            sessions.insert(tx.connection(), b);
            for (int i = 1; i <= 5; i++) {
                events.append(tx.connection(), message(a.id(), null, "user", "a" + i, now));
                events.append(tx.connection(), message(b.id(), null, "user", "b" + i, now));
            }
            return null;
        });

        assertThat(db.<List<ConversationEventRow>>read(c -> events.range(c, a.id(), 1, 4)))
                .extracting(ConversationEventRow::content).containsExactly("a2", "a3", "a4");
        assertThat(db.<List<ConversationEventRow>>read(c -> events.range(c, a.id(), 4, 100)))
                .extracting(ConversationEventRow::content).containsExactly("a5");
        assertThat(db.<List<ConversationEventRow>>read(c -> events.range(c, a.id(), 5, 10))).isEmpty();
        assertThat(db.<Long>read(c -> events.lastSequence(c, b.id()))).isEqualTo(5);
        assertThat(db.<Long>read(c -> events.lastSequence(c, "none"))).isZero();
    }

    private static NewConversationEvent message(String sessionId, String claudeId, String role, String text, Instant at) {
        return NewConversationEvent.message(sessionId, claudeId, at, role, text);
    }
}
