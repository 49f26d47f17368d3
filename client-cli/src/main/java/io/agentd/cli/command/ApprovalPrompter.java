package io.agentd.cli.command;

import static java.util.Objects.requireNonNull;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.client.DaemonConnectionException;
import io.agentd.cli.client.DaemonErrorException;
import io.agentd.cli.client.DaemonUnavailableException;
import io.agentd.cli.format.ApprovalTable;
import io.agentd.cli.format.SessionTable;
import io.agentd.cli.protocol.ApprovalRef;
import io.agentd.cli.protocol.DecisionParams;
import io.agentd.cli.protocol.DecisionResult;
import io.agentd.protocol.approval.Approval;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import tools.jackson.databind.JsonNode;

/**
 * {@code agentctl approvals --watch}: asks {@code approve? [y/n]} for each pending approval, then for
 * each new one as agentd announces it, until stdin ends or Ctrl-C. An approval decided elsewhere while
 * it is being asked about (or while queued) is reported and skipped.
 *
 * <p>Two virtual threads feed one queue: stdin lines and the daemon's {@code new_approval} /
 * {@code approval_resolved} events (resubscribing after a daemon restart). This thread alone prompts
 * and decides, one connection per call.
 */
final class ApprovalPrompter {
    /** What the prompt loop reacts to. */
    private sealed interface Signal {
        record Line(String text) implements Signal {
        }

        record InputEnded() implements Signal {
        }

        record Event(JsonNode event) implements Signal {
        }
    }

    private enum Stage { ASKING, REASON }

    private final Path socket;
    private final Duration callTimeout;
    private final String sessionId;
    private final BufferedReader in;
    private final PrintWriter out;
    private final int width;
    /** {@code approvals --watch} says what it waits for; inside {@code --wait} the wait itself says enough. */
    private final boolean announce;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final Deque<Approval> queued = new ArrayDeque<>();
    private volatile boolean stopped;
    private Approval current;
    private Stage stage = Stage.ASKING;

    ApprovalPrompter(Path socket, Duration callTimeout, String sessionId, BufferedReader in, PrintWriter out,
            int width) {
        this(socket, callTimeout, sessionId, in, out, width, true);
    }

    private ApprovalPrompter(Path socket, Duration callTimeout, String sessionId, BufferedReader in, PrintWriter out,
            int width, boolean announce) {
        this.announce = announce;
        this.socket = requireNonNull(socket, "socket is null");
        this.callTimeout = requireNonNull(callTimeout, "callTimeout is null");
        this.sessionId = sessionId;
        this.in = requireNonNull(in, "in is null");
        this.out = requireNonNull(out, "out is null");
        this.width = width;
    }

    /**
     * The prompter of {@code --approve-interactively}: one session's approvals, no banner; {@link #stop} ends it
     * when the session ends.
     */
    static ApprovalPrompter forSession(Path socket, Duration callTimeout, String sessionId, BufferedReader in,
            PrintWriter out, int width) {
        return new ApprovalPrompter(socket, callTimeout, requireNonNull(sessionId, "sessionId is null"), in, out, width,
                false);
    }

    /** Ends {@link #run} as if stdin had ended (called from another thread). */
    void stop() {
        signals.add(new Signal.InputEnded());
    }

    int run() {
        // Subscribe before listing, so nothing created in between is missed; duplicates are skipped.
        DaemonClient stream = DaemonClient.connect(socket, callTimeout);
        JsonNode confirmation = stream.subscribe(subscribeParams(null));
        Thread.ofVirtual().name("approvals-events").start(() -> readEvents(stream, confirmation));
        Thread.ofVirtual().name("approvals-stdin").start(this::readInput);
        try (DaemonClient client = connect()) {
            queued.addAll(PendingApprovals.list(client, sessionId));
        }
        if (announce) {
            say(queued.isEmpty() ? "waiting for approvals (Ctrl-C to stop)…\n"
                    : queued.size() + " pending; waiting for more after them (Ctrl-C to stop)\n");
        }
        while (true) {
            if (current == null && !queued.isEmpty()) {
                current = queued.removeFirst();
                stage = Stage.ASKING;
                say(describe(current) + "approve? [y/n] ");
            }
            Signal signal;
            try {
                signal = signals.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.OK;
            }
            switch (signal) {
                case Signal.InputEnded() -> {
                    stopped = true;
                    stream.close();
                    return ExitCodes.OK;
                }
                case Signal.Line(String text) -> answer(text.strip());
                case Signal.Event(JsonNode event) -> react(event);
            }
        }
    }

    private void answer(String text) {
        if (current == null) {
            return;
        }
        if (stage == Stage.REASON) {
            if (text.isEmpty()) {
                say("a reason is required; reason: ");
                return;
            }
            decide(DecisionParams.deny(current.id(), text), "denied");
            return;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "y", "yes" -> decide(DecisionParams.approve(current.id(), ""), "approved");
            case "n", "no" -> {
                stage = Stage.REASON;
                say("reason: ");
            }
            default -> say("approve? [y/n] ");
        }
    }

    private void decide(DecisionParams params, String done) {
        String shown = ApprovalTable.shortId(params.approvalId());
        try (DaemonClient client = connect()) {
            DecisionResult result = client.call("sendDecision", params, DecisionResult.class);
            say(result.success() ? done + " " + shown + "\n"
                    : "could not decide " + shown + ": " + result.error() + "; skipped\n");
        } catch (DaemonErrorException | DaemonConnectionException | DaemonUnavailableException e) {
            say("could not decide " + shown + ": " + e.getMessage() + "; skipped\n");
        }
        current = null;
    }

    private void react(JsonNode event) {
        String approvalId = event.path("data").path("approval_id").asString("");
        switch (event.path("type").asString("")) {
            case "new_approval" -> {
                if (known(approvalId)) {
                    return;
                }
                try (DaemonClient client = connect()) {
                    Approval approval = client.call("getApproval", new ApprovalRef(approvalId),
                            Approval.Envelope.class).approval();
                    if (approval != null && approval.pending() && !known(approvalId)) {
                        queued.addLast(approval);
                    }
                } catch (DaemonErrorException | DaemonConnectionException | DaemonUnavailableException e) {
                    say("cannot read approval " + ApprovalTable.shortId(approvalId) + ": " + e.getMessage() + "\n");
                }
            }
            case "approval_resolved" -> {
                String how = event.path("data").path("approved").asBoolean(false) ? "approved" : "denied";
                if (current != null && approvalId.equals(current.id())) {
                    say("\n" + ApprovalTable.shortId(approvalId) + " was " + how + " elsewhere; skipped\n");
                    current = null;
                } else if (queued.removeIf(a -> approvalId.equals(a.id()))) {
                    say(ApprovalTable.shortId(approvalId) + " was " + how + " elsewhere; skipped\n");
                }
            }
            default -> {
            }
        }
    }

    private boolean known(String approvalId) {
        return (current != null && approvalId.equals(current.id()))
                || queued.stream().anyMatch(a -> approvalId.equals(a.id()));
    }

    private String describe(Approval a) {
        return "\n" + ApprovalTable.shortId(a.id()) + "  session " + SessionTable.shortId(a.sessionId()) + " wants "
                + a.toolName() + "\n" + ApprovalTable.details(a.toolInput(), width);
    }

    private void readInput() {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                signals.add(new Signal.Line(line));
            }
        } catch (IOException e) {
            // Treated as the end of input.
        }
        signals.add(new Signal.InputEnded());
    }

    private void readEvents(DaemonClient first, JsonNode confirmation) {
        DaemonClient stream = first;
        Long position = confirmation.has("last_seq") ? confirmation.get("last_seq").asLong() : null;
        while (true) {
            try {
                while (true) {
                    JsonNode event = stream.next(Duration.ofSeconds(60)) instanceof JsonNode m ? m.get("event") : null;
                    if (stopped) {
                        stream.close();
                        return;
                    }
                    if (event == null) {
                        continue;
                    }
                    if (event.has("seq")) {
                        position = event.get("seq").asLong();
                    }
                    signals.add(new Signal.Event(event));
                }
            } catch (RuntimeException e) {
                stream.close();
                if (stopped) {
                    return;
                }
                if (!(e instanceof DaemonConnectionException)) {
                    throw e;
                }
                stream = resubscribe(position);
                if (stream == null) {
                    return;
                }
            }
        }
    }

    /** A new subscription resuming after {@code position}, retried once a second; null once stopped. */
    private DaemonClient resubscribe(Long position) {
        while (!stopped) {
            try {
                DaemonClient stream = connect();
                try {
                    stream.subscribe(subscribeParams(position));
                    return stream;
                } catch (RuntimeException e) {
                    stream.close();
                }
            } catch (DaemonUnavailableException e) {
                // Not back yet.
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return null;
            }
        }
        return null;
    }

    private Map<String, Object> subscribeParams(Long position) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("event_types", List.of("new_approval", "approval_resolved"));
        if (sessionId != null) {
            params.put("session_id", sessionId);
        }
        if (position != null) {
            params.put("since_seq", position);
        }
        return params;
    }

    private DaemonClient connect() {
        return DaemonClient.connect(socket, callTimeout);
    }

    private void say(String text) {
        out.print(text);
        out.flush();
    }
}
