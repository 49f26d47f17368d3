package io.agentd.daemon.bus;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionFilterTest {

    private static PublishedEvent event(String type, String sessionId, String runId) {
        return new PublishedEvent(1, type, Instant.EPOCH, sessionId, runId, "{}");
    }

    @Test
    void noFilterMatchesEveryEventIncludingThoseOfNoSession() {
        SubscriptionFilter all = SubscriptionFilter.all();
        assertThat(all.matches(event("session_status_changed", "s1", "r1"))).isTrue();
        assertThat(all.matches(event("new_approval", null, null))).isTrue();
        assertThat(new SubscriptionFilter(null, null, null).matches(event("conversation_updated", "s1", "r1"))).isTrue();
    }

    @Test
    void typesMatchAnyOfTheListed() {
        SubscriptionFilter f = new SubscriptionFilter(Set.of("session_status_changed", "conversation_updated"), null, null);
        assertThat(f.matches(event("session_status_changed", "s1", "r1"))).isTrue();
        assertThat(f.matches(event("conversation_updated", "s1", "r1"))).isTrue();
        assertThat(f.matches(event("new_approval", "s1", "r1"))).isFalse();
    }

    @Test
    void anUnknownTypeNameMatchesNothingAsInHld() {
        SubscriptionFilter f = new SubscriptionFilter(Set.of("no_such_event"), null, null);
        assertThat(f.matches(event("session_status_changed", "s1", "r1"))).isFalse();
        assertThat(f.matches(event("new_approval", null, null))).isFalse();
    }

    @Test
    void sessionAndRunIdsMustBothMatchWhenGiven() {
        SubscriptionFilter f = new SubscriptionFilter(null, "s1", "r1");
        assertThat(f.matches(event("session_status_changed", "s1", "r1"))).isTrue();
        assertThat(f.matches(event("session_status_changed", "s1", "r2"))).isFalse();
        assertThat(f.matches(event("session_status_changed", "s2", "r1"))).isFalse();
        assertThat(f.matches(event("new_approval", null, null))).isFalse();
    }

    @Test
    void partsCombineWithAnd() {
        SubscriptionFilter f = new SubscriptionFilter(Set.of("conversation_updated"), "s1", null);
        assertThat(f.matches(event("conversation_updated", "s1", "r9"))).isTrue();
        assertThat(f.matches(event("session_status_changed", "s1", "r9"))).isFalse();
        assertThat(f.matches(event("conversation_updated", "s2", "r9"))).isFalse();
    }

    @Test
    void emptyIdsMeanNoFilterLikeAnOmittedOne() {
        SubscriptionFilter f = new SubscriptionFilter(Set.of(), "", "");
        assertThat(f).isEqualTo(SubscriptionFilter.all());
        assertThat(f.matches(event("session_status_changed", "s1", "r1"))).isTrue();
    }
}
