package io.agentd.daemon.session.ingest;

import io.agentd.daemon.session.SessionEvents;
import io.agentd.daemon.session.stream.StreamJsonParser;
import io.agentd.store.Database;
import io.agentd.store.approval.ApprovalRepository;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.process.ProcessRepository;
import io.agentd.store.rawevent.RawEventRepository;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.snapshot.SnapshotRepository;

import java.time.Clock;

import static java.util.Objects.requireNonNull;

/** What every session's ingestor shares: the store, its repositories, the parser and the listener. */
public record IngestContext(
        Database database,
        SessionRepository sessions,
        ConversationRepository conversation,
        RawEventRepository rawEvents,
        SnapshotRepository snapshots,
        ProcessRepository processes,
        ApprovalRepository approvals,
        StreamJsonParser parser,
        SessionEvents events,
        Clock clock) {

    public IngestContext {
        requireNonNull(database, "database is null");
        requireNonNull(sessions, "sessions is null");
        requireNonNull(conversation, "conversation is null");
        requireNonNull(rawEvents, "rawEvents is null");
        requireNonNull(snapshots, "snapshots is null");
        requireNonNull(processes, "processes is null");
        requireNonNull(approvals, "approvals is null");
        requireNonNull(parser, "parser is null");
        requireNonNull(events, "events is null");
        requireNonNull(clock, "clock is null");
    }
}
