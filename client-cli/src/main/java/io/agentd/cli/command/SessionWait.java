package io.agentd.cli.command;

import static java.util.Objects.requireNonNull;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.format.Denials;
import io.agentd.cli.format.Units;
import io.agentd.cli.protocol.ProtocolJson;
import io.agentd.cli.protocol.SessionList;
import io.agentd.cli.protocol.SessionRef;
import io.agentd.protocol.session.SessionInfo;
import io.agentd.protocol.session.SessionState;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** {@code --wait} of {@code launch} and {@code continue}: poll a session until it ends, then report how. */
final class SessionWait {
    private final DaemonClient client;
    private final Duration pollInterval;

    SessionWait(DaemonClient client, Duration pollInterval) {
        this.client = requireNonNull(client, "client is null");
        this.pollInterval = requireNonNull(pollInterval, "pollInterval is null");
    }

    /**
     * The raw {@code getSessionState} result once the session is terminal. Meanwhile {@code approvals} hears of
     * every poll, so a pending approval is shown while Claude waits for it.
     */
    JsonNode awaitEnd(String sessionId, SessionApprovals approvals) {
        while (true) {
            JsonNode result = client.call("getSessionState", new SessionRef(sessionId));
            SessionState.Envelope state = ProtocolJson.MAPPER.treeToValue(result, SessionState.Envelope.class);
            if (state.session() != null && state.session().terminal()) {
                approvals.finish(client);
                return result;
            }
            approvals.poll(client);
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for session " + sessionId, e);
            }
        }
    }

    /** Status, cost, error and Claude's final answer of an ended session. */
    String outcome(SessionState state) {
        StringBuilder out = new StringBuilder("status  ").append(state.status()).append('\n');
        if (state.costUsd() != null) {
            out.append("cost    ").append(Units.usd(state.costUsd())).append('\n');
        }
        String error = state.errorMessage() == null ? "" : state.errorMessage().strip();
        if (!error.isEmpty()) {
            out.append("error   ").append(error).append('\n');
        }
        String denied = Denials.lines(state.permissionDenials());
        if (denied != null) {
            out.append("denied  Claude refused ").append(state.permissionDenials().size())
                    .append(" tool call(s); the task may be incomplete:\n");
            denied.lines().forEach(line -> out.append("        ").append(line).append('\n'));
        }
        // A failed run's result is usually its error message again.
        resultText(state).map(String::strip).filter(text -> !text.equals(error))
                .ifPresent(text -> out.append('\n').append(text).append('\n'));
        return out.toString();
    }

    /** agentd puts the result text in the state; hld only in the Info of listSessions. */
    private Optional<String> resultText(SessionState state) {
        if (state.result() != null && !state.result().isBlank()) {
            return Optional.of(state.result());
        }
        return client.call("listSessions", null, SessionList.class).sessions().stream()
                .filter(s -> state.id().equals(s.id()))
                .map(SessionInfo::result)
                .filter(r -> r != null)
                .map(SessionInfo.RunResult::result)
                .filter(text -> text != null && !text.isBlank())
                .findFirst();
    }
}
