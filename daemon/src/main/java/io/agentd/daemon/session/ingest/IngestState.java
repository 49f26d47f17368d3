package io.agentd.daemon.session.ingest;

import io.agentd.daemon.session.stream.StreamEvent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an ingestor has learned about its session. Changes made inside a transaction go into a
 * {@link Delta} and are applied only after the commit, so a retried write starts from the same state.
 */
public final class IngestState {
    private volatile String claudeSessionId;
    private volatile String model;
    private volatile StreamEvent.Result result;
    /** The sequence number of the session's next conversation row; 0 until read from the store. */
    private volatile long nextSequence;
    private final Map<String, String> readCalls = new ConcurrentHashMap<>();

    /**
     * @param modelId the full model id an earlier daemon stored from {@code system/init}, or null: after a
     *                restart the {@code result} still needs it to pick the main model's context window
     */
    IngestState(String claudeSessionId, String modelId) {
        this.claudeSessionId = claudeSessionId;
        this.model = modelId;
    }

    public String claudeSessionId() {
        return claudeSessionId;
    }

    /** The last {@code result} event, or null if Claude never reported one. */
    public StreamEvent.Result result() {
        return result;
    }

    Map<String, String> readCalls() {
        return readCalls;
    }

    Delta delta() {
        return new Delta(claudeSessionId, model, result, nextSequence);
    }

    void apply(Delta d) {
        claudeSessionId = d.claudeSessionId;
        model = d.model;
        result = d.result;
        nextSequence = d.nextSequence;
    }

    /**
     * Makes the next transaction read the next sequence number from the store again: after a failed write,
     * in case the failure was a sequence some other writer took.
     */
    void forgetSequence() {
        nextSequence = 0;
    }

    /** Changes of one transaction. */
    static final class Delta {
        private String claudeSessionId;
        private String model;
        private StreamEvent.Result result;
        private long nextSequence;

        Delta(String claudeSessionId, String model, StreamEvent.Result result, long nextSequence) {
            this.claudeSessionId = claudeSessionId;
            this.model = model;
            this.result = result;
            this.nextSequence = nextSequence;
        }

        String claudeSessionId() {
            return claudeSessionId;
        }

        void claudeSessionId(String id) {
            this.claudeSessionId = id;
        }

        String model() {
            return model;
        }

        void model(String m) {
            this.model = m;
        }

        void result(StreamEvent.Result r) {
            this.result = r;
        }

        /** The next sequence number, 0 when not known yet. */
        long nextSequence() {
            return nextSequence;
        }

        void nextSequence(long n) {
            this.nextSequence = n;
        }
    }
}
