package io.agentd.daemon.approval;

import io.agentd.daemon.json.JsonMappers;
import io.agentd.daemon.session.api.WireTimes;
import io.agentd.protocol.approval.Approval;
import io.agentd.store.approval.ApprovalRow;

/** Maps a stored approval to the wire record: times in RFC3339Nano, {@code tool_input} as Claude sent it. */
final class ApprovalWire {
    private ApprovalWire() {
    }

    static Approval of(ApprovalRow a) {
        return new Approval(a.id(), a.runId(), a.sessionId(), a.toolUseId(), a.status().wireName(),
                WireTimes.rfc3339Nano(a.createdAt()), WireTimes.rfc3339Nano(a.respondedAt()), a.toolName(),
                JsonMappers.daemon().readTree(a.toolInputJson()), a.comment(), a.decidedBy(), a.ruleId());
    }
}
