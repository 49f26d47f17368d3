package io.agentd.daemon.session.ingest;

import io.agentd.daemon.session.SessionEvents;
import io.agentd.daemon.session.follow.SpoolFollower;
import io.agentd.daemon.session.follow.Wakeup;
import io.agentd.daemon.session.stream.StreamEvent;
import io.agentd.daemon.session.stream.StreamJsonParser;
import io.agentd.daemon.session.stream.TokenUsage;
import io.agentd.daemon.session.stream.Transcripts;
import io.agentd.daemon.session.stream.Usage;
import io.agentd.store.Database;
import io.agentd.store.Tx;
import io.agentd.store.approval.ApprovalRepository;
import io.agentd.store.approval.ApprovalRow;
import io.agentd.store.approval.ApprovalStatus;
import io.agentd.store.conversation.ConversationEventRow;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.conversation.EventType;
import io.agentd.store.denial.PermissionDenialRepository;
import io.agentd.store.denial.PermissionDenialRow;
import io.agentd.store.process.ProcessRepository;
import io.agentd.store.rawevent.RawEventRepository;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.session.TokenCounts;
import io.agentd.store.snapshot.FileSnapshotRow;
import io.agentd.store.snapshot.SnapshotRepository;
import io.agentd.store.testing.Sessions;
import io.agentd.store.testing.TempDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Recorded stdout of the real CLI, fed line by line into the ingestor over a real SQLite file: the rows
 * users later read (conversation, session, raw events, snapshots), and that a restart in the middle
 * stores every line exactly once.
 */
@ExtendWith(TempDatabaseExtension.class)
class SessionIngestorTest {

    static List<String> transcripts() {
        return Transcripts.names();
    }

    /** One stdout line as the follower hands it over: its bytes and the offset just past it. */
    private record Line(byte[] bytes, int offset, int length, long end) {
        boolean blank() {
            return new String(bytes, offset, length, StandardCharsets.UTF_8).isBlank();
        }

        String text() {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @MethodSource("transcripts")
    void aTranscriptBecomesConversationSessionAndRawRows(String name, Database db) throws Exception {
        IngestContext ctx = context(db);
        SessionRow session = insertSession(ctx);
        List<Line> lines = lines(Transcripts.bytes(name));
        List<StreamEvent> events = Transcripts.events(name);
        StreamEvent.SystemInit init = (StreamEvent.SystemInit) events.getFirst();
        StreamEvent.Result result = (StreamEvent.Result) events.getLast();

        ingest(new SessionIngestor(ctx, session), lines);

        List<ConversationEventRow> rows = conversation(ctx, session.id());
        List<EventType> expectedTypes = Transcripts.entries(events).stream()
                .map(e -> EventType.valueOf(e.type().name())).toList();
        assertThat(rows).extracting(ConversationEventRow::eventType).containsExactlyElementsOf(expectedTypes);
        assertThat(rows).extracting(ConversationEventRow::sequence)
                .containsExactlyElementsOf(sequence(1, expectedTypes.size()));
        // Rows stored before the id was known get it back-filled: every row carries it.
        assertThat(rows).allSatisfy(r -> assertThat(r.claudeSessionId()).isEqualTo(init.sessionId()));
        // Every call in these runs was answered, so each must have been marked completed by its result.
        assertThat(rows).filteredOn(r -> r.eventType() == EventType.TOOL_CALL)
                .allSatisfy(r -> assertThat(r.isCompleted()).as(r.toolId()).isTrue());

        SessionRow stored = session(ctx, session.id());
        assertThat(stored.claudeSessionId()).isEqualTo(init.sessionId());
        // Launched without a model: the short name comes from init.
        assertThat(stored.model()).isEqualTo("opus");
        assertThat(stored.modelId()).isEqualTo("claude-opus-5-5");
        List<Usage> usages = events.stream().flatMap(e -> TokenUsage.rootUsage(e).stream()).toList();
        if (usages.isEmpty()) {
            assertThat(stored.tokens().inputTokens()).isNull();
        } else {
            Usage last = usages.getLast();
            assertThat(stored.tokens().inputTokens()).isEqualTo(last.inputTokens());
            assertThat(stored.tokens().outputTokens()).isEqualTo(last.outputTokens());
            assertThat(stored.tokens().effectiveContextTokens()).isEqualTo(TokenUsage.effectiveContextTokens(last));
        }
        assertThat(stored.outcome().costUsd()).isCloseTo(result.totalCostUsd(), within(1e-12));
        assertThat(stored.outcome().numTurns()).isEqualTo(result.numTurns());
        assertThat(stored.outcome().resultContent()).isEqualTo(result.resultText());
        assertThat(stored.outcome().errorMessage()).isNull();

        List<String> raw = rawEvents(ctx, session.id());
        assertThat(raw).containsExactlyElementsOf(lines.stream().filter(l -> !l.blank()).map(Line::text).toList());
        assertThat(process(ctx, session.id())).isEqualTo(Transcripts.bytes(name).length);
    }

    @Test
    void theToolsClaudeRefusedOnItsOwnAreStoredWithTheResult(Database db) throws Exception {
        IngestContext ctx = context(db);
        SessionRow session = insertSession(ctx);

        ingest(new SessionIngestor(ctx, session), lines(Transcripts.bytes("write_file.jsonl")));

        List<PermissionDenialRow> denials = db.read(c -> new PermissionDenialRepository().bySession(c, session.id()));
        assertThat(denials).containsExactly(new PermissionDenialRow("Write", "toolu_0ae02042f5b842589f0a5d47",
                "{\"file_path\":\"/home/dev/project/written.txt\",\"content\":\"written by harness\\n\"}"));
    }

    @Test
    void aResultWithoutDenialsStoresNone(Database db) throws Exception {
        IngestContext ctx = context(db);
        SessionRow session = insertSession(ctx);

        ingest(new SessionIngestor(ctx, session), lines(Transcripts.bytes("write_file_approve.jsonl")));

        List<PermissionDenialRow> denials = db.read(c -> new PermissionDenialRepository().bySession(c, session.id()));
        assertThat(denials).isEmpty();
    }

    @Test
    void aFullReadBecomesAFileSnapshot(Database db) throws Exception {
        IngestContext ctx = context(db);
        SessionRow session = insertSession(ctx);

        ingest(new SessionIngestor(ctx, session), lines(Transcripts.bytes("read_file.jsonl")));

        List<FileSnapshotRow> snapshots = snapshots(ctx, session.id());
        assertThat(snapshots).singleElement().satisfies(s -> {
            assertThat(s.toolId()).isEqualTo("toolu_4f61ad76c5f84553b706dff2");
            assertThat(s.filePath()).isEqualTo("/home/dev/project/input.txt");
            assertThat(s.content()).isEqualTo("harness input line 1\nharness input line 2\n");
        });
        List<ConversationEventRow> rows = conversation(ctx, session.id());
        ConversationEventRow call = rows.stream().filter(r -> r.eventType() == EventType.TOOL_CALL).findFirst().orElseThrow();
        ConversationEventRow result = rows.stream().filter(r -> r.eventType() == EventType.TOOL_RESULT).findFirst().orElseThrow();
        assertThat(call.toolName()).isEqualTo("Read");
        assertThat(result.toolResultForId()).isEqualTo(call.toolId());
        assertThat(result.sequence()).isGreaterThan(call.sequence());
    }

    /**
     * A daemon that dies after committing half the lines, with more read but not yet committed: the next
     * daemon's ingestor starts from the stored offset and ends with exactly the rows of one clean pass.
     */
    @ParameterizedTest
    @MethodSource("transcripts")
    void aNewIngestorResumingFromTheStoredOffsetStoresEveryLineOnce(String name, Database db, @TempDir Path spool)
            throws Exception {
        IngestContext ctx = context(db);
        byte[] bytes = Transcripts.bytes(name);
        List<Line> lines = lines(bytes);
        SessionRow single = insertSession(ctx);
        ingest(new SessionIngestor(ctx, single), lines);

        SessionRow restarted = insertSession(ctx);
        int half = lines.size() / 2;
        SessionIngestor first = new SessionIngestor(ctx, restarted);
        ingest(first, lines.subList(0, half));
        for (Line line : lines.subList(half, Math.min(lines.size(), half + 1))) {
            first.line(line.bytes(), line.offset(), line.length(), line.end()); // read, never committed: lost in the crash
        }
        long offset = process(ctx, restarted.id());
        assertThat(offset).isEqualTo(half == 0 ? 0 : lines.get(half - 1).end());

        Path stdout = Files.write(spool.resolve("stdout"), bytes);
        SessionIngestor second = new SessionIngestor(ctx, session(ctx, restarted.id()));
        new SpoolFollower(stdout, new Wakeup(), () -> true, Integer.MAX_VALUE - 16).follow(offset, second, second);
        second.flush();

        assertThat(projection(conversation(ctx, restarted.id())))
                .containsExactlyElementsOf(projection(conversation(ctx, single.id())));
        assertThat(rawEvents(ctx, restarted.id()))
                .containsExactlyElementsOf(rawEvents(ctx, single.id()));
        assertThat(snapshots(ctx, restarted.id()))
                .extracting(FileSnapshotRow::toolId, FileSnapshotRow::filePath, FileSnapshotRow::content)
                .containsExactlyElementsOf(snapshots(ctx, single.id()).stream()
                        .map(s -> tuple(s.toolId(), s.filePath(), s.content())).toList());
        SessionRow a = session(ctx, single.id());
        SessionRow b = session(ctx, restarted.id());
        assertThat(b.claudeSessionId()).isEqualTo(a.claudeSessionId());
        assertThat(b.model()).isEqualTo(a.model());
        assertThat(b.modelId()).isEqualTo(a.modelId());
        assertThat(b.tokens()).isEqualTo(a.tokens());
        assertThat(b.outcome()).isEqualTo(a.outcome());
        assertThat(second.state().result()).isNotNull();
        assertThat(process(ctx, restarted.id())).isEqualTo(bytes.length);
    }

    /**
     * When a run used several models, the context window is the one of the model named by {@code init}:
     * also for an ingestor that resumed after that {@code init} was stored by an earlier daemon.
     */
    @Test
    void aResumedIngestorStillUsesTheInitModelsContextWindow(Database db) throws Exception {
        IngestContext ctx = context(db);
        String init = "{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"c-1\",\"model\":\"claude-sonnet-4-5\"}";
        String result = "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"session_id\":\"c-1\","
                + "\"num_turns\":1,\"total_cost_usd\":0.01,\"result\":\"ok\",\"modelUsage\":{"
                + "\"claude-sonnet-4-5\":{\"inputTokens\":10,\"outputTokens\":5,\"contextWindow\":200000},"
                + "\"claude-haiku-4-5\":{\"inputTokens\":3,\"outputTokens\":1,\"contextWindow\":1000000}}}";
        byte[] bytes = (init + "\n" + result + "\n").getBytes(StandardCharsets.UTF_8);
        List<Line> lines = lines(bytes);
        SessionRow single = insertSession(ctx);
        ingest(new SessionIngestor(ctx, single), lines);
        SessionRow resumed = insertSession(ctx);
        ingest(new SessionIngestor(ctx, resumed), lines.subList(0, 1));

        ingest(new SessionIngestor(ctx, session(ctx, resumed.id())), lines.subList(1, 2));

        assertThat(session(ctx, single.id()).tokens().contextWindow()).isEqualTo(200_000);
        assertThat(session(ctx, resumed.id()).tokens().contextWindow()).isEqualTo(200_000);
    }

    /**
     * A daemon re-attaching to a session whose result an earlier daemon stored finds that result by the
     * stored line's type, past later lines of other types; a session that stored none recalls nothing, even
     * when one of its lines talks about results.
     */
    @Test
    void aResumedIngestorRecallsTheStoredResultByItsType(Database db) throws Exception {
        IngestContext ctx = context(db);
        String result = "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"session_id\":\"c-1\","
                + "\"num_turns\":2,\"result\":\"ok\"}";
        String mention = "{\"type\":\"assistant\",\"session_id\":\"c-1\",\"message\":{\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"a line may say \\\"type\\\":\\\"result\\\"\"}]}}";
        SessionRow session = insertSession(ctx);
        ingest(new SessionIngestor(ctx, session), lines((result + "\n" + mention + "\nnot json\n")
                .getBytes(StandardCharsets.UTF_8)));
        SessionRow other = insertSession(ctx);
        ingest(new SessionIngestor(ctx, other), lines((mention + "\n").getBytes(StandardCharsets.UTF_8)));

        SessionIngestor resumed = new SessionIngestor(ctx, session(ctx, session.id()));
        resumed.recallStoredResult();
        SessionIngestor nothingStored = new SessionIngestor(ctx, session(ctx, other.id()));
        nothingStored.recallStoredResult();

        assertThat(resumed.state().result()).isNotNull();
        assertThat(resumed.state().result().numTurns()).isEqualTo(2);
        assertThat(nothingStored.state().result()).isNull();
    }

    @Test
    void theModelChosenAtLaunchIsKeptAndInitOnlyAddsTheFullModelId(Database db) throws Exception {
        IngestContext ctx = context(db);
        SessionRow session = insertSession(ctx, Sessions.newSession("launched with sonnet"));

        ingest(new SessionIngestor(ctx, session), lines(Transcripts.bytes("text.jsonl")));

        SessionRow stored = session(ctx, session.id());
        assertThat(stored.model()).isEqualTo("sonnet");
        assertThat(stored.modelId()).isEqualTo("claude-opus-5-5");
    }

    @Test
    void malformedUnknownAndBlankLinesAreStoredRawWithoutBreakingTheRest(Database db) throws Exception {
        IngestContext ctx = context(db);
        SessionRow session = insertSession(ctx);
        List<String> transcript = Files.readAllLines(Transcripts.dir().resolve("text.jsonl"));
        List<String> noisy = new ArrayList<>();
        noisy.add(transcript.getFirst());
        noisy.add("this is not json {");
        noisy.add("   ");
        noisy.add("{\"type\":\"brand_new_event\",\"payload\":[1,2,3]}");
        noisy.add("{\"type\":\"assistant\",\"message\":");
        noisy.addAll(transcript.subList(1, transcript.size()));
        noisy.add("");
        byte[] bytes = (String.join("\n", noisy) + "\n").getBytes(StandardCharsets.UTF_8);

        ingest(new SessionIngestor(ctx, session), lines(bytes));

        List<String> raw = rawEvents(ctx, session.id());
        assertThat(raw).containsExactlyElementsOf(noisy.stream().filter(l -> !l.isBlank()).toList());
        List<ConversationEventRow> rows = conversation(ctx, session.id());
        assertThat(rows).extracting(ConversationEventRow::eventType).containsExactly(EventType.MESSAGE);
        assertThat(rows.getFirst().content()).endsWith("END-OF-TEXT-SCENARIO.");
        SessionRow stored = session(ctx, session.id());
        assertThat(stored.outcome().numTurns()).isEqualTo(1);
        assertThat(stored.outcome().resultContent()).endsWith("END-OF-TEXT-SCENARIO.");
        assertThat(process(ctx, session.id())).isEqualTo(bytes.length);
    }

    @Test
    void theOneMegabyteLineIsStoredWhole(Database db) throws Exception {
        IngestContext ctx = context(db);
        SessionRow session = insertSession(ctx);
        List<Line> lines = lines(Transcripts.bytes("big.jsonl"));
        int longest = lines.stream().mapToInt(Line::length).max().orElseThrow();

        ingest(new SessionIngestor(ctx, session), lines);

        assertThat(longest).isGreaterThan(1_000_000);
        List<String> raw = rawEvents(ctx, session.id());
        assertThat(raw).extracting(String::length).contains(longest);
        List<ConversationEventRow> rows = conversation(ctx, session.id());
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.content()).hasSize(1_000_000).endsWith("BIG-END"));
        assertThat(session(ctx, session.id()).outcome().resultContent()).hasSize(1_000_000);
    }

    /**
     * Where a batch ends must not change what is stored: a flush after every line (each in its own
     * transaction) leaves the same rows as one transaction for the whole transcript.
     */
    @ParameterizedTest
    @MethodSource("transcripts")
    void aTranscriptWrittenLineByLineStoresWhatOneBatchStores(String name, Database db) throws Exception {
        IngestContext ctx = context(db);
        List<Line> lines = lines(Transcripts.bytes(name));
        SessionRow batched = insertSession(ctx);
        ingest(new SessionIngestor(ctx, batched), lines);
        SessionRow lineByLine = insertSession(ctx);

        SessionIngestor ingestor = new SessionIngestor(ctx, lineByLine);
        for (Line line : lines) {
            ingestor.line(line.bytes(), line.offset(), line.length(), line.end());
            ingestor.flush();
        }

        assertThat(projection(conversation(ctx, lineByLine.id())))
                .containsExactlyElementsOf(projection(conversation(ctx, batched.id())));
        assertThat(rawEvents(ctx, lineByLine.id())).containsExactlyElementsOf(rawEvents(ctx, batched.id()));
        SessionRow a = session(ctx, batched.id());
        SessionRow b = session(ctx, lineByLine.id());
        assertThat(b.claudeSessionId()).isEqualTo(a.claudeSessionId());
        assertThat(b.tokens()).isEqualTo(a.tokens());
        assertThat(b.outcome()).isEqualTo(a.outcome());
        assertThat(process(ctx, lineByLine.id())).isEqualTo(process(ctx, batched.id()));
    }

    /**
     * Token counts are published once per transaction, after its conversation events, with the last counts
     * of the transaction: subscribers see the final state with fewer events.
     */
    @Test
    void aBatchPublishesItsConversationEventsThenOneTokenUpdateWithItsLastCounts(Database db) throws Exception {
        TokenRecorder events = new TokenRecorder();
        IngestContext ctx = context(db, events);
        SessionRow session = insertSession(ctx);
        SessionIngestor ingestor = new SessionIngestor(ctx, session);
        List<Line> lines = lines((INIT + "\n" + assistantText("one", 10, 1) + "\n" + assistantText("two", 20, 2) + "\n"
                + assistantText("three", 30, 3) + "\n").getBytes(StandardCharsets.UTF_8));
        String status = session.status().wireName(); // the ingestor does not change it

        ingest(ingestor, lines.subList(0, 3));
        List<String> afterFirst = List.copyOf(events.changes);
        ingest(ingestor, lines.subList(3, 4));

        assertThat(afterFirst).containsExactly("conversation 1", "conversation 2", "tokens " + status + " 20/2");
        assertThat(events.changes.subList(afterFirst.size(), events.changes.size()))
                .containsExactly("conversation 3", "tokens " + status + " 30/3");
        assertThat(session(ctx, session.id()).tokens().inputTokens()).isEqualTo(30);
    }

    @Test
    void anApprovalAskedForBeforeItsCallReachedStdoutIsLinkedToTheCall(Database db) throws Exception {
        IngestContext ctx = context(db);
        SessionRow session = insertSession(ctx);
        ctx.database().write(tx -> {
            ctx.approvals().insert(tx.connection(), new ApprovalRow("local-1", session.runId(), session.id(),
                    ApprovalStatus.APPROVED, Instant.now(), Instant.now(), "Bash", "{}", null, "toolu_asked", "human", null));
            return null;
        });

        ingest(new SessionIngestor(ctx, session), lines((INIT + "\n" + toolCall("toolu_asked") + "\n"
                + toolCall("toolu_other") + "\n").getBytes(StandardCharsets.UTF_8)));

        assertThat(conversation(ctx, session.id()))
                .extracting(ConversationEventRow::toolId, ConversationEventRow::approvalId,
                        ConversationEventRow::approvalStatus)
                .containsExactly(tuple("toolu_asked", "local-1", "approved"), tuple("toolu_other", null, null));
    }

    /** Within one batch a result completes the calls before it only, as if every line were written alone. */
    @Test
    void aResultCompletesOnlyTheCallsBeforeItInTheSameBatch(Database db) throws Exception {
        IngestContext ctx = context(db);
        SessionRow session = insertSession(ctx);

        ingest(new SessionIngestor(ctx, session), lines((INIT + "\n" + toolCall("toolu_1") + "\n"
                + toolResult("toolu_1") + "\n" + toolCall("toolu_1") + "\n").getBytes(StandardCharsets.UTF_8)));

        assertThat(conversation(ctx, session.id()))
                .filteredOn(r -> r.eventType() == EventType.TOOL_CALL)
                .extracting(ConversationEventRow::sequence, ConversationEventRow::isCompleted)
                .containsExactly(tuple(1L, true), tuple(3L, false));
    }

    private static final String INIT = "{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"c-1\","
            + "\"model\":\"claude-sonnet-4-5\"}";

    private static String assistantText(String text, int input, int output) {
        return "{\"type\":\"assistant\",\"message\":{\"id\":\"m-" + text + "\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}],"
                + "\"usage\":{\"input_tokens\":" + input + ",\"output_tokens\":" + output
                + ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0}},"
                + "\"parent_tool_use_id\":null,\"session_id\":\"c-1\"}";
    }

    private static String toolCall(String toolId) {
        return "{\"type\":\"assistant\",\"message\":{\"id\":\"m-" + toolId + "\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":\"tool_use\",\"id\":\""
                + toolId + "\",\"name\":\"Bash\",\"input\":{\"command\":\"true\"}}]},\"parent_tool_use_id\":null,"
                + "\"session_id\":\"c-1\"}";
    }

    private static String toolResult(String toolId) {
        return "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"" + toolId + "\",\"content\":\"ok\"}]},\"parent_tool_use_id\":null,"
                + "\"session_id\":\"c-1\"}";
    }

    /** Records conversation sequences and token updates, the way a subscriber would see them. */
    private static final class TokenRecorder implements SessionEvents {
        private final List<String> changes = new CopyOnWriteArrayList<>();

        @Override
        public void statusChanged(Tx tx, SessionRow session, SessionStatus from, SessionStatus to) {
        }

        @Override
        public void conversationAppended(Tx tx, String runId, List<ConversationEventRow> events) {
            events.forEach(e -> changes.add("conversation " + e.sequence()));
        }

        @Override
        public void tokensUpdated(Tx tx, String sessionId, String runId, SessionStatus status, TokenCounts tokens) {
            changes.add("tokens " + status.wireName() + " " + tokens.inputTokens() + "/" + tokens.outputTokens());
        }

        @Override
        public void titleChanged(Tx tx, SessionRow session) {
        }

        @Override
        public void archivedChanged(Tx tx, SessionRow session) {
        }

        @Override
        public void settingsChanged(Tx tx, SessionRow session, SettingsChange change) {
        }
    }

    private static IngestContext context(Database db) {
        return context(db, SessionEvents.NONE);
    }

    private static IngestContext context(Database db, SessionEvents events) {
        return new IngestContext(db, new SessionRepository(), new ConversationRepository(), new RawEventRepository(),
                new SnapshotRepository(), new ProcessRepository(), new ApprovalRepository(), new StreamJsonParser(),
                events, Clock.systemUTC());
    }

    /** A session as the supervisor stores it before spawning Claude, launched without a model. */
    private static SessionRow insertSession(IngestContext ctx) {
        SessionRow launched = Sessions.newSession("do the thing");
        return insertSession(ctx, SessionRow.newSession(launched.id(), launched.runId(), null, launched.query(),
                launched.summary(), "", null, launched.workingDir(), launched.config(), launched.permissions(),
                launched.createdAt()));
    }

    private static SessionRow insertSession(IngestContext ctx, SessionRow row) {
        ctx.database().write(tx -> {
            ctx.sessions().insert(tx.connection(), row);
            ctx.processes().insert(tx.connection(), row.id(), "/tmp/spool/" + row.id(), null);
            return null;
        });
        return row;
    }

    private static void ingest(SessionIngestor ingestor, List<Line> lines) throws InterruptedException {
        for (Line line : lines) {
            ingestor.line(line.bytes(), line.offset(), line.length(), line.end());
        }
        ingestor.flush();
    }

    /** Splits like the follower: a line per newline, plus a last line without one. */
    private static List<Line> lines(byte[] data) {
        List<Line> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                out.add(new Line(data, start, i - start, i + 1));
                start = i + 1;
            }
        }
        if (start < data.length) {
            out.add(new Line(data, start, data.length - start, data.length));
        }
        return out;
    }

    private static List<ConversationEventRow> conversation(IngestContext ctx, String id) {
        return ctx.database().read(c -> ctx.conversation().bySession(c, id));
    }

    private static List<String> rawEvents(IngestContext ctx, String id) {
        return ctx.database().read(c -> ctx.rawEvents().bySession(c, id));
    }

    private static List<FileSnapshotRow> snapshots(IngestContext ctx, String id) {
        return ctx.database().read(c -> ctx.snapshots().bySession(c, id));
    }

    private static SessionRow session(IngestContext ctx, String id) {
        return ctx.database().read(c -> ctx.sessions().find(c, id)).orElseThrow();
    }

    private static long process(IngestContext ctx, String id) {
        return ctx.database().read(c -> ctx.processes().find(c, id)).orElseThrow().stdoutOffset();
    }

    private static List<Long> sequence(long from, int count) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(from + i);
        }
        return out;
    }

    /** What a user sees of a conversation row; ids and timestamps differ between sessions. */
    private static List<List<Object>> projection(List<ConversationEventRow> rows) {
        return rows.stream().map(r -> Arrays.<Object>asList(r.sequence(), r.eventType(), r.claudeSessionId(),
                r.role(), r.content(), r.toolId(), r.toolName(), r.toolInputJson(), r.toolResultForId(),
                r.toolResultContent(), r.isCompleted(), r.parentToolUseId())).toList();
    }
}
