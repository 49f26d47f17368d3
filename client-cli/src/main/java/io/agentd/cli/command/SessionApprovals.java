package io.agentd.cli.command;

import static java.util.Objects.requireNonNull;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.client.DaemonErrorException;
import io.agentd.cli.client.DaemonException;
import io.agentd.cli.format.ApprovalNotice;
import io.agentd.protocol.approval.Approval;
import io.agentd.cli.protocol.ApprovalRef;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A session's approvals while a command waits for that session ({@code launch --wait}, {@code continue --wait},
 * {@code tail}): each pending one is shown once, with the commands that answer it, and each decision once, with
 * who made it. Or, with {@code --approve-interactively}, the {@link ApprovalPrompter} of {@code approvals --watch}
 * asks about each one inline instead. Learns of approvals by polling ({@link #poll}) or from the session's events
 * ({@link #onEvent}); either way nothing is shown twice.
 */
final class SessionApprovals {
    private final String sessionId;
    private final PrintWriter out;
    private final int width;
    private final ApprovalPrompter prompter;
    /** Shown as pending, not yet shown as decided. */
    private final Set<String> open = new LinkedHashSet<>();
    /** Shown as decided (or decided before we saw them pending): never shown again. */
    private final Set<String> closed = new HashSet<>();
    private boolean listingFailed;

    private SessionApprovals(String sessionId, PrintWriter out, int width, ApprovalPrompter prompter) {
        this.sessionId = requireNonNull(sessionId, "sessionId is null");
        this.out = requireNonNull(out, "out is null");
        this.width = width;
        this.prompter = prompter;
    }

    /** Prints notices: the user answers with {@code agentctl approve} / {@code deny} from another shell. */
    static SessionApprovals notices(String sessionId, PrintWriter out, int width) {
        return new SessionApprovals(sessionId, out, width, null);
    }

    /** Asks {@code approve? [y/n]} inline for each of the session's approvals, reading answers from {@code in}. */
    static SessionApprovals interactive(String sessionId, Path socket, Duration callTimeout, BufferedReader in,
            PrintWriter out, int width) {
        ApprovalPrompter prompter = ApprovalPrompter.forSession(socket, callTimeout, sessionId, in, out, width);
        Thread.ofVirtual().name("approvals-prompt").start(() -> {
            try {
                prompter.run();
            } catch (RuntimeException e) {
                // The wait goes on; the user can still answer with agentctl approve / deny.
                out.println("agentctl: approval prompt stopped: " + e.getMessage());
                out.flush();
            }
        });
        return new SessionApprovals(sessionId, out, width, prompter);
    }

    /** Shows what is pending now, and the decisions of those shown before that are no longer pending. */
    void poll(DaemonClient client) {
        if (prompter != null || listingFailed) {
            return;
        }
        List<Approval> pending;
        try {
            pending = PendingApprovals.list(client, sessionId);
        } catch (DaemonErrorException e) {
            // A daemon without approvals; say so once and keep waiting for the session.
            listingFailed = true;
            say("agentctl: cannot list approvals (" + e.getMessage() + "); waiting without showing them\n");
            return;
        }
        Set<String> pendingNow = new HashSet<>();
        for (Approval a : pending) {
            pendingNow.add(a.id());
            appeared(a);
        }
        for (String id : Set.copyOf(open)) {
            if (!pendingNow.contains(id)) {
                lookUp(client, id);
            }
        }
    }

    /** Reacts to one of the session's events: {@code new_approval} and {@code approval_resolved}. */
    void onEvent(DaemonClient client, JsonNode event) {
        if (prompter != null) {
            return;
        }
        String type = event.path("type").asString("");
        if (type.equals("new_approval") || type.equals("approval_resolved")) {
            String id = event.path("data").path("approval_id").asString("");
            if (!id.isEmpty()) {
                lookUp(client, id);
            }
        }
    }

    /** The session ended: last decisions (approvals expire with their session), and the prompter stops. */
    void finish(DaemonClient client) {
        if (prompter != null) {
            prompter.stop();
            return;
        }
        for (String id : Set.copyOf(open)) {
            lookUp(client, id);
        }
    }

    private void lookUp(DaemonClient client, String id) {
        try {
            Approval a = client.call("getApproval", new ApprovalRef(id), Approval.Envelope.class).approval();
            if (a == null) {
                return;
            }
            if (a.pending()) {
                appeared(a);
            } else {
                decided(a);
            }
        } catch (DaemonException e) {
            // A notice is a courtesy: waiting for the session goes on.
            say("cannot read approval " + id + ": " + e.getMessage() + "\n");
        }
    }

    private void appeared(Approval a) {
        if (a.id() != null && !closed.contains(a.id()) && open.add(a.id())) {
            say(ApprovalNotice.pending(a, width));
        }
    }

    private void decided(Approval a) {
        if (a.id() != null && closed.add(a.id())) {
            open.remove(a.id());
            say(ApprovalNotice.decided(a));
        }
    }

    private void say(String text) {
        out.print(text);
        out.flush();
    }
}
