package io.agentd.daemon.bus;

import java.util.List;

/**
 * {@code Subscribe} params: hld's filters, plus agentd's {@code since_seq} to replay every retained event
 * after that sequence number before going live.
 */
public record SubscribeParams(List<String> eventTypes, String sessionId, String runId, Long sinceSeq) {
}
