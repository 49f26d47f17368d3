package io.agentd.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentd.cli.protocol.ProtocolJson;
import io.agentd.cli.protocol.SessionList;
import io.agentd.protocol.session.SessionInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionResolverTest {
    private static final List<SessionInfo> SESSIONS = ProtocolJson.MAPPER.readValue("""
            {"sessions":[
              {"id":"abc12345-1111","title":"first"},
              {"id":"abc99999-2222","summary":"second"},
              {"id":"def00000-3333"},
              {"id":"def0"}
            ]}""", SessionList.class).sessions();

    @Test
    void uniquePrefixResolvesToTheFullId() {
        assertThat(SessionResolver.resolve("abc1", SESSIONS)).isEqualTo("abc12345-1111");
        assertThat(SessionResolver.resolve(" abc9 ", SESSIONS)).isEqualTo("abc99999-2222");
    }

    @Test
    void anExactIdWinsEvenWhenItIsAlsoAPrefixOfAnother() {
        assertThat(SessionResolver.resolve("def0", SESSIONS)).isEqualTo("def0");
    }

    @Test
    void ambiguousPrefixListsTheCandidates() {
        assertThatThrownBy(() -> SessionResolver.resolve("abc", SESSIONS))
                .isInstanceOf(SessionLookupException.class)
                .hasMessage("'abc' matches 2 sessions: abc12345-111 (first), abc99999-222 (second); type more of the id");
    }

    @Test
    void unknownOrEmptyPrefixIsAnError() {
        assertThatThrownBy(() -> SessionResolver.resolve("zzz", SESSIONS))
                .isInstanceOf(SessionLookupException.class)
                .hasMessage("no session matches 'zzz'");
        assertThatThrownBy(() -> SessionResolver.resolve("  ", SESSIONS))
                .isInstanceOf(SessionLookupException.class);
    }
}
