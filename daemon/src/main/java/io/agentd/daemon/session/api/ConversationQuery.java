package io.agentd.daemon.session.api;

/**
 * Which conversation, and which part of it. One of the two ids is required; {@code claudeSessionId} wins.
 *
 * @param sessionId the whole chain of continued sessions ending in this one
 * @param claudeSessionId one Claude conversation only
 * @param afterId start after the event with this id; absent means from the start
 * @param limit at most this many events; absent means all
 */
public record ConversationQuery(String sessionId, String claudeSessionId, Long afterId, Integer limit) {
    public ConversationQuery {
        if (sessionId == null && claudeSessionId == null) {
            throw new IllegalArgumentException("a conversation query names a session or a Claude session");
        }
    }
}
