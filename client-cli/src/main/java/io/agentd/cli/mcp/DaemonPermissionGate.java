package io.agentd.cli.mcp;

import static java.util.Objects.requireNonNull;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.client.DaemonConnectionException;
import io.agentd.cli.client.DaemonErrorException;
import io.agentd.cli.client.DaemonUnavailableException;
import io.agentd.cli.protocol.ApprovalRef;
import io.agentd.cli.protocol.CreateApprovalParams;
import io.agentd.protocol.approval.Approval;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Asks agentd: creates one approval per request, then waits on a {@code Subscribe} stream for its
 * {@code approval_resolved} event instead of polling. Right after every (re)subscription it reads the
 * approval once, so a decision made before the stream was open (an auto-approval, or one taken while
 * the daemon was restarting) is not missed. A lost connection is retried once a second, resuming after
 * the last event seen; the approval is never created twice.
 *
 * <p>Each request uses its own connections, so concurrent tool calls do not interfere.
 */
public final class DaemonPermissionGate implements PermissionGate {
    private static final Logger log = LoggerFactory.getLogger(DaemonPermissionGate.class);
    /** Longer than the daemon's 30 s heartbeat; a quiet stream is simply read again. */
    private static final Duration READ_WINDOW = Duration.ofSeconds(60);

    private final Path socket;
    private final String sessionId;
    private final Duration retryInterval;

    /**
     * @param sessionId the session the approvals belong to ({@code HUMANLAYER_SESSION_ID}); null when
     *     unset, which fails every request as hlyr does
     */
    public DaemonPermissionGate(Path socket, String sessionId, Duration retryInterval) {
        this.socket = requireNonNull(socket, "socket is null");
        this.sessionId = sessionId == null || sessionId.isBlank() ? null : sessionId;
        this.retryInterval = requireNonNull(retryInterval, "retryInterval is null");
    }

    @Override
    public PermissionDecision decide(PermissionRequest request) {
        if (sessionId == null) {
            throw new PermissionGateException("HUMANLAYER_SESSION_ID is not set: cannot ask for approval");
        }
        String approvalId = create(request);
        log.info("waiting for approval {} of {} (session {})", approvalId, request.toolName(), sessionId);
        Approval approval = awaitDecision(approvalId);
        log.info("approval {} is {}", approvalId, approval.status());
        return PermissionDecision.of(approval, request.input());
    }

    private String create(PermissionRequest request) {
        var params = new CreateApprovalParams(sessionId, request.toolName(), request.input(), request.toolUseId());
        while (true) {
            // Retried only while nothing accepts the connection: then the request was surely never sent.
            try (DaemonClient client = connect()) {
                String id = client.call("createApproval", params).path("approval_id").asString("");
                if (id.isEmpty()) {
                    throw new PermissionGateException("agentd created no approval for " + request.toolName());
                }
                return id;
            } catch (DaemonUnavailableException e) {
                pause(e);
            } catch (DaemonErrorException e) {
                throw new PermissionGateException("agentd refused the approval: " + e.getMessage(), e);
            } catch (DaemonConnectionException e) {
                throw new PermissionGateException("lost agentd while creating the approval: " + e.getMessage(), e);
            }
        }
    }

    private Approval awaitDecision(String approvalId) {
        Long position = null;
        boolean lost = false;
        while (true) {
            try (DaemonClient stream = connect()) {
                JsonNode confirmation = stream.subscribe(subscribeParams(position));
                if (position == null && confirmation.has("last_seq")) {
                    position = confirmation.get("last_seq").asLong();
                }
                if (lost) {
                    log.info("reconnected to agentd; still waiting for approval {}", approvalId);
                    lost = false;
                }
                Approval current = read(approvalId);
                if (!current.pending()) {
                    return current;
                }
                while (true) {
                    JsonNode event = stream.next(READ_WINDOW) instanceof JsonNode message ? message.get("event") : null;
                    if (event == null) {
                        continue;
                    }
                    if (event.has("seq")) {
                        position = event.get("seq").asLong();
                    }
                    if (concerns(event, approvalId)) {
                        current = read(approvalId);
                        if (!current.pending()) {
                            return current;
                        }
                    }
                }
            } catch (DaemonUnavailableException | DaemonConnectionException e) {
                if (!lost) {
                    log.warn("lost agentd while waiting for approval {}: {}; reconnecting", approvalId, e.getMessage());
                    lost = true;
                }
                pause(e);
            } catch (DaemonErrorException e) {
                throw new PermissionGateException("agentd cannot report approval " + approvalId + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** The resolution of our approval, or a gap in the log after which anything may have happened. */
    private static boolean concerns(JsonNode event, String approvalId) {
        return "resync_required".equals(event.path("type").asString())
                || approvalId.equals(event.path("data").path("approval_id").asString());
    }

    private Map<String, Object> subscribeParams(Long position) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("event_types", List.of("approval_resolved"));
        params.put("session_id", sessionId);
        if (position != null) {
            params.put("since_seq", position);
        }
        return params;
    }

    private Approval read(String approvalId) {
        try (DaemonClient client = connect()) {
            return client.call("getApproval", new ApprovalRef(approvalId), Approval.Envelope.class).approval();
        }
    }

    private DaemonClient connect() {
        return DaemonClient.connect(socket);
    }

    private void pause(RuntimeException cause) {
        try {
            Thread.sleep(retryInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PermissionGateException("interrupted while waiting for agentd", cause);
        }
    }
}
