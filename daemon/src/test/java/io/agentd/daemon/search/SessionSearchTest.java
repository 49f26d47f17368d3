package io.agentd.daemon.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.error.ErrorKind;
import io.agentd.store.Database;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.testing.Sessions;
import io.agentd.store.testing.TempDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TempDatabaseExtension.class)
class SessionSearchTest {
    @Test
    void refusesLimitsOutOfRangeAndOverlongQueriesAsInvalidParams(Database db) {
        SessionSearch search = new SessionSearch(db);
        for (SearchQuery bad : new SearchQuery[] {new SearchQuery("x", 0, false, false),
                new SearchQuery("x", 51, false, false), SearchQuery.of("x".repeat(1_001)),
                SearchQuery.of("w ".repeat(33))}) {
            assertThatThrownBy(() -> search.search(bad)).isInstanceOfSatisfying(AgentdException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMS));
        }
    }

    @Test
    void appliesTheDefaultLimit(Database db) {
        db.write(tx -> {
            for (int i = 0; i < 12; i++) {
                new SessionRepository().insert(tx.connection(), Sessions.newSession("alpaca " + i));
            }
            return null;
        });
        SessionSearch search = new SessionSearch(db);
        assertThat(search.search(SearchQuery.of("alpaca"))).hasSize(SessionSearch.DEFAULT_LIMIT);
        assertThat(search.search(new SearchQuery("alpaca", 50, false, false))).hasSize(12);
    }
}
