package io.agentd.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.cli.protocol.ProtocolJson;
import io.agentd.cli.protocol.SessionList;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTableTest {
    private static final Instant NOW = Instant.parse("2026-06-18T12:00:00Z");

    private static SessionList sessions(String json) {
        return ProtocolJson.MAPPER.readValue(json, SessionList.class);
    }

    @Test
    void rendersOneAlignedRowPerSession() {
        SessionList list = sessions("""
                {"sessions":[
                  {"id":"3f2a9c1e-0000-4000-8000-000000000001","run_id":"r1","status":"running","model":"sonnet",
                   "last_activity_at":"2026-06-18T11:54:59.500000+00:00","query":"q","summary":"Fix the parser",
                   "title":"","archived":false,"input_tokens":12000,"output_tokens":345,
                   "result":{"type":"result","total_cost_usd":0.0123,"is_error":false}},
                  {"id":"77aa","run_id":"r2","status":"completed","last_activity_at":"2026-06-15T12:00:00Z",
                   "query":"q2","summary":"s2","title":"Release notes","archived":false}
                ]}""");
        String table = new SessionTable(NOW, 120).render(list.sessions());
        assertThat(table).isEqualTo("""
                ID        STATUS     MODEL   COST     TOKENS  AGE  TITLE
                3f2a9c1e  running    sonnet  $0.0123  12.3k   5m   Fix the parser
                77aa      completed  -       -        -       3d   Release notes
                """);
    }

    @Test
    void truncatesTheTitleToFitTheWidth() {
        SessionList list = sessions("""
                {"sessions":[{"id":"abcdef0123","status":"failed","last_activity_at":"2026-06-18T10:00:00Z",
                  "title":"A very long title that cannot possibly fit into a narrow terminal window"}]}""");
        String table = new SessionTable(NOW, 60).render(list.sessions());
        assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
        assertThat(table).contains("abcdef01  failed  -      -     -       2h   A very long tit…");
    }

    @Test
    void saysSoWhenThereAreNoSessions() {
        assertThat(new SessionTable(NOW, 80).render(sessions("{\"sessions\":[]}").sessions())).isEqualTo("no sessions\n");
    }
}
