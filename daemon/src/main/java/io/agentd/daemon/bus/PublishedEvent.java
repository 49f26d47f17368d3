package io.agentd.daemon.bus;

import java.time.Instant;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * An event as the log holds it and every transport sends it: its place in the log ({@code seq}), its
 * wire type, whom it concerns, and its {@code data} already serialized (as stored). Live and replayed
 * events are the same thing, so a replay sends exactly the bytes the live event had.
 *
 * <p>Each transport's frame is encoded at most once per event and kept here ({@link #encoded}), so one
 * event fanned out to many subscribers of a transport is serialized once, whoever sends it first.
 */
public final class PublishedEvent {
    private final long seq;
    private final String type;
    private final Instant timestamp;
    private final String sessionId;
    private final String runId;
    private final String dataJson;
    /** Written only under this object's lock; read without it. */
    private volatile Frame frames;

    /**
     * @param type the wire name (an unknown name read back from the store is kept as is)
     * @param sessionId null for an event that concerns no session
     * @param dataJson the serialized {@code data} object
     */
    public PublishedEvent(long seq, String type, Instant timestamp, String sessionId, String runId, String dataJson) {
        this.seq = seq;
        this.type = requireNonNull(type, "type is null");
        this.timestamp = requireNonNull(timestamp, "timestamp is null");
        this.sessionId = sessionId;
        this.runId = runId;
        this.dataJson = requireNonNull(dataJson, "dataJson is null");
    }

    public long seq() {
        return seq;
    }

    public String type() {
        return type;
    }

    public Instant timestamp() {
        return timestamp;
    }

    public String sessionId() {
        return sessionId;
    }

    public String runId() {
        return runId;
    }

    public String dataJson() {
        return dataJson;
    }

    /**
     * This event in {@code codec}'s frame, encoded on the first call for that codec and reused after. The
     * subscribers woken by one dispatch all ask at once: the first encodes while the others wait the few
     * microseconds that takes, so each frame is encoded exactly once.
     */
    public byte[] encoded(EventCodec codec) {
        byte[] bytes = cached(frames, codec);
        if (bytes != null) {
            return bytes;
        }
        synchronized (this) {
            Frame head = frames;
            bytes = cached(head, codec);
            if (bytes == null) {
                bytes = codec.encode(this);
                frames = new Frame(codec, bytes, head);
            }
            return bytes;
        }
    }

    private static byte[] cached(Frame head, EventCodec codec) {
        for (Frame f = head; f != null; f = f.next) {
            if (f.codec == codec) {
                return f.bytes;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublishedEvent e && seq == e.seq && type.equals(e.type) && timestamp.equals(e.timestamp)
                && Objects.equals(sessionId, e.sessionId) && Objects.equals(runId, e.runId)
                && dataJson.equals(e.dataJson);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq) * 31 + type.hashCode();
    }

    @Override
    public String toString() {
        return "PublishedEvent[seq=" + seq + ", type=" + type + ", sessionId=" + sessionId + ", runId=" + runId + "]";
    }

    /** One transport's encoding; a short immutable list, one node per codec that sent this event. */
    private record Frame(EventCodec codec, byte[] bytes, Frame next) {
    }
}
