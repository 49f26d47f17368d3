package io.agentd.daemon.approval.rules;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.json.JsonMappers;
import io.agentd.store.Database;
import io.agentd.store.Tx;
import io.agentd.store.rule.RuleRepository;
import io.agentd.store.rule.RuleRow;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * The permission rules: create, list, delete, explain, and the verdict on a new approval. Rules live in the
 * store; an immutable {@link RuleIndex} of them is kept in memory and replaced after each change commits, so
 * evaluating a tool call never touches the database. No transport types: the socket and HTTP bind the same
 * methods.
 */
public final class RuleService {
    private static final Logger log = LoggerFactory.getLogger(RuleService.class);

    private final Database database;
    private final RuleRepository rules = new RuleRepository();
    private final SessionRepository sessions = new SessionRepository();
    private final RuleEvents events;
    private final Clock clock;
    private final RuleEvaluator evaluator;
    private final Object changes = new Object();
    private volatile RuleIndex index;

    /** A rule and its wire fields. */
    public record RuleView(PermissionRule rule, Map<String, Object> fields) {
        static RuleView of(PermissionRule r) {
            return new RuleView(r, RuleRows.wire(r));
        }
    }

    /** What the rules say about a call, and which rule, if any, said it. */
    public record Explanation(String decision, RuleView rule, String reason) {
    }

    public RuleService(Database database, RuleEvents events, Clock clock, Path home) {
        this.database = requireNonNull(database, "database is null");
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.evaluator = new RuleEvaluator(requireNonNull(home, "home is null"));
        this.index = RuleIndex.of(load());
    }

    /** Stores a rule a person asked for, publishes {@code rule_changed}. */
    public RuleView create(NewRule request) {
        synchronized (changes) {
            PermissionRule rule = database.write(tx -> insert(tx, request));
            return RuleView.of(rule);
        }
    }

    /**
     * Stores a rule in the caller's transaction ("approve and remember"); the in-memory rules follow once it
     * commits.
     */
    public PermissionRule insert(Tx tx, NewRule request) throws SQLException {
        PermissionRule rule = request.parse("rule-" + UUID.randomUUID(), clock.instant());
        if (rule.scope() instanceof RuleScope.Session s && sessions.find(tx.connection(), s.sessionId()).isEmpty()) {
            throw AgentdException.notFound("session not found: " + s.sessionId());
        }
        rules.insert(tx.connection(), RuleRows.row(rule));
        events.created(tx, rule);
        tx.afterCommit(this::reload);
        return rule;
    }

    /** Every rule, expired ones included, oldest first. */
    public List<RuleView> list() {
        return index.all().stream().map(RuleView::of).toList();
    }

    /** Deletes a rule; an unknown id is a not-found error. */
    public RuleView delete(String id) {
        if (id == null || id.isEmpty()) {
            throw AgentdException.invalidParams("id is required");
        }
        synchronized (changes) {
            return database.write(tx -> {
                RuleRow row = rules.find(tx.connection(), id)
                        .orElseThrow(() -> AgentdException.notFound("rule not found: " + id));
                PermissionRule rule = RuleRows.rule(row);
                rules.delete(tx.connection(), id);
                events.deleted(tx, rule);
                tx.afterCommit(this::reload);
                return RuleView.of(rule);
            });
        }
    }

    /** The rules' verdict on a tool call of {@code session}; decides nothing. */
    public RuleVerdict verdict(SessionRow session, String toolName, String toolInputJson) {
        return evaluator.evaluate(index, call(session, toolName, toolInputJson), clock.instant());
    }

    /** Which rule would decide {@code toolName} with {@code input} in {@code sessionId}, and why; decides nothing. */
    public Explanation explain(String sessionId, String toolName, JsonNode input) {
        if (toolName == null || toolName.isEmpty()) {
            throw AgentdException.invalidParams("tool_name is required");
        }
        if (sessionId == null || sessionId.isEmpty()) {
            throw AgentdException.invalidParams("session_id is required");
        }
        SessionRow session = database.read(c -> sessions.find(c, sessionId))
                .orElseThrow(() -> AgentdException.notFound("session not found: " + sessionId));
        String json = JsonMappers.daemon().writeValueAsString(input == null ? JsonMappers.daemon().createObjectNode() : input);
        RuleVerdict v = verdict(session, toolName, json);
        return new Explanation(v.decision().map(RuleDecision::wireName).orElse(null),
                v.rule().map(RuleView::of).orElse(null), v.reason());
    }

    /** The tool call as rules see it; a session without a working directory works in the daemon's. */
    private static ToolCall call(SessionRow session, String toolName, String toolInputJson) {
        JsonNode input;
        try {
            input = JsonMappers.daemon().readTree(toolInputJson);
        } catch (RuntimeException e) {
            input = JsonMappers.daemon().createObjectNode();
        }
        if (input == null || !input.isObject()) {
            input = JsonMappers.daemon().createObjectNode();
        }
        String dir = session.workingDir();
        Path wd = dir == null || dir.isBlank() ? Path.of("").toAbsolutePath() : Path.of(dir).toAbsolutePath();
        return new ToolCall(session.id(), wd, toolName, input);
    }

    private void reload() {
        index = RuleIndex.of(load());
    }

    private List<PermissionRule> load() {
        List<PermissionRule> out = new ArrayList<>();
        for (RuleRow row : database.read(rules::all)) {
            try {
                out.add(RuleRows.rule(row));
            } catch (RuntimeException e) {
                log.warn("ignoring stored rule {} ({}): {}", row.id(), row.rule(), e.getMessage());
            }
        }
        return out;
    }
}
