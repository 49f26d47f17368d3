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
        return new Delta(claudeSessionId, model, result);
    }

    void apply(Delta d) {
        claudeSessionId = d.claudeSessionId;
        model = d.model;
        result = d.result;
    }

    /** Changes of one transaction. */
    static final class Delta {
        private String claudeSessionId;
        private String model;
        private StreamEvent.Result result;

        Delta(String claudeSessionId, String model, StreamEvent.Result result) {
            this.claudeSessionId = claudeSessionId;
            this.model = model;
            this.result = result;
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
    }
}
