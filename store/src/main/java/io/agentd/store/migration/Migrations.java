package io.agentd.store.migration;

import java.util.List;

/**
 * The ordered list of schema migrations. Appending is the only allowed change: an applied migration
 * is never edited, because databases in the field already carry its result.
 */
public final class Migrations {
    /** {@code PRAGMA application_id} of agentd databases ("agtd"); tells our files from hld's and others'. */
    public static final int APPLICATION_ID = 0x61677464;

    private static final List<Migration> ALL = List.of(
            new Migration(1, "initial schema: sessions, conversation, raw events, MCP servers, approvals, snapshots",
                    "V001__initial_schema.sql"),
            new Migration(2, "session processes: pid, start time, spool and processed offset", "V002__session_processes.sql"),
            new Migration(3, "events: the numbered, persisted log behind subscriptions", "V003__events.sql"),
            new Migration(4, "approvals: which rule decided each one", "V004__approval_decided_by.sql"),
            new Migration(5, "session processes: why agentd stopped one itself", "V005__process_stop_reason.sql"),
            new Migration(6, "raw events: their parsed type; MCP servers: HTTP servers as URL and headers",
                    "V006__typed_raw_events_and_mcp_transport.sql"),
            new Migration(7, "permission denials: the tools Claude refused on its own", "V007__permission_denials.sql"),
            new Migration(8, "settings changed by clients: daemon config (claude_path) and user settings",
                    "V008__settings.sql"),
            new Migration(9, "full-text search over sessions and conversations", "V009__search.sql"),
            new Migration(10, "session changes: the files each session created, modified or deleted",
                    "V010__session_changes.sql"),
            new Migration(11, "permission rules; approvals: the rule that decided each one", "V011__permission_rules.sql"));

    private Migrations() {
    }

    public static List<Migration> all() {
        return ALL;
    }

    public static int latestVersion() {
        return ALL.getLast().version();
    }
}
